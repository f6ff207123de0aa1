package org.paperboy.publish;

import java.time.Instant;
import java.util.Objects;

/** A post was not made, or may not have been; {@link #kind()} says which and what to do. */
public final class PublishException extends Exception {

  /** How a publish failed. */
  public enum Kind {
    /** The platform says this text was already posted: the post exists. */
    DUPLICATE,
    /** Too many posts: wait until {@link #retryAt()}, for the whole account. */
    RATE_LIMITED,
    /** The request did not reach the platform, or it failed on its side: try again later. */
    TRANSIENT,
    /** The request was sent but no answer came: the post may exist. */
    AMBIGUOUS,
    /** The credentials were refused: nothing will post until they are fixed. */
    UNAUTHORIZED,
    /** The platform refused this post for good (its message says why). */
    REJECTED
  }

  private final Kind kind;
  private final Instant retryAt;

  /**
   * @param retryAt when the platform allows posting again ({@link Kind#RATE_LIMITED}), else {@code
   *     null}
   */
  public PublishException(Kind kind, String message, Instant retryAt) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.retryAt = retryAt;
  }

  public Kind kind() {
    return kind;
  }

  /** When posting may resume, or {@code null} when the platform did not say. */
  public Instant retryAt() {
    return retryAt;
  }
}

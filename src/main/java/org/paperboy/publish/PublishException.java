package org.paperboy.publish;

import java.time.Instant;
import java.util.Objects;
import org.paperboy.model.SendFailure;

/**
 * A post was not made, or may not have been, or the platform could not be asked about one; {@link
 * #failure()} says which, and so what the caller may do next.
 */
public final class PublishException extends Exception {

  private final SendFailure failure;
  private final Instant retryAt;

  /**
   * @param message what happened, naming the account and the platform's own words
   * @param retryAt when the platform allows requests again ({@link SendFailure#RATE_LIMITED}), or
   *     {@code null}
   */
  public PublishException(SendFailure failure, String message, Instant retryAt) {
    super(message);
    this.failure = Objects.requireNonNull(failure, "failure");
    this.retryAt = retryAt;
  }

  public SendFailure failure() {
    return failure;
  }

  /** When requests may resume, or {@code null} when the platform did not say. */
  public Instant retryAt() {
    return retryAt;
  }
}

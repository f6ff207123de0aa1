package org.paperboy.operate;

import java.time.Instant;
import java.util.Objects;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;

/**
 * A post in the queue as maintainers see it: its text measured by its platform's count, and what
 * may be done with it.
 *
 * @param item the post
 * @param title its paper's title
 * @param length its text's length, by its platform's count
 * @param replyLength its reply's length, or {@code null} without a reply
 * @param limit its platform's limit for each; 0 when its account is no longer in the config
 * @param due when it is expected to go out (its retry, or its turn under the account's pacing), or
 *     {@code null} when it waits for a maintainer or was given up
 * @param editedBy who edited its text, or {@code null} when it is as composed
 * @param partPosted true when its first post is out and only its reply is left
 */
public record QueuedPost(
    OutboxItem item,
    String title,
    int length,
    Integer replyLength,
    int limit,
    Instant due,
    String editedBy,
    boolean partPosted) {

  public QueuedPost {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(title, "title");
  }

  /** True for a post held for approval. */
  public boolean approvable() {
    return item.state() == OutboxState.AWAITING_APPROVAL;
  }

  /**
   * True when its text may still change: it has not reached its platform (a failed post too, to be
   * retried as edited). A post whose outcome is unknown may be on the platform as it is: never.
   */
  public boolean editable() {
    return !partPosted
        && (OutboxState.NOT_YET_SENT.contains(item.state()) || item.state() == OutboxState.FAILED);
  }

  /** True when it may be dropped: not yet sent, or unknown (a maintainer may have found it). */
  public boolean droppable() {
    return OutboxState.NOT_YET_SENT.contains(item.state()) || item.state() == OutboxState.UNKNOWN;
  }

  /** True when it may be retried: failed, waiting to retry, or unknown (looked up first). */
  public boolean retryable() {
    return item.state() == OutboxState.FAILED
        || item.state() == OutboxState.RETRYING
        || item.state() == OutboxState.UNKNOWN;
  }

  /** True when its text or its reply is longer than its platform allows. */
  public boolean tooLong() {
    return length > limit || (replyLength != null && replyLength > limit);
  }
}

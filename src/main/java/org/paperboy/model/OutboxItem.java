package org.paperboy.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One post in an account's outbox.
 *
 * @param id the outbox row's id
 * @param accountId the account it will be posted from
 * @param feedId the feed that brought the paper
 * @param text the composed text
 * @param replyText the text of a reply to it (a threaded feed's summary), or {@code null}
 * @param state where it stands
 * @param attempts how many times it was handed to the platform
 * @param notBefore the earliest time it may be sent again, or {@code null} for no constraint
 * @param lastError the last failure's reason, or {@code null}
 */
public record OutboxItem(
    long id,
    String accountId,
    String feedId,
    String text,
    String replyText,
    OutboxState state,
    int attempts,
    Instant notBefore,
    String lastError) {

  public OutboxItem {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(feedId, "feedId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(state, "state");
  }
}

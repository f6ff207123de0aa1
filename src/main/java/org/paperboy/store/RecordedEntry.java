package org.paperboy.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.paperboy.model.OutboxState;

/**
 * An entry a feed showed, and what its accounts made of it, as the database recorded it.
 *
 * @param title the entry's title
 * @param link its link, or {@code null}
 * @param seenAt when the feed first showed it
 * @param accounts each account that holds the paper, in account order
 * @param left each account a poll could not make a post of it for, and why
 * @param recorded false for an entry no account could take: not recorded as seen, it is judged
 *     again at each poll
 */
public record RecordedEntry(
    String title,
    String link,
    Instant seenAt,
    List<ForAccount> accounts,
    List<Left> left,
    boolean recorded) {

  /**
   * An account a poll could not make a post of the entry for.
   *
   * @param accountId the account
   * @param reason why, in the words of {@code preview --explain}
   */
  public record Left(String accountId, String reason) {
    public Left {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The paper as one account holds it.
   *
   * @param accountId the account
   * @param feedId the feed that first brought the paper to it (another feed, when it had the paper
   *     already)
   * @param notPostedBecause why no post was queued, or {@code null} (none recorded, or one queued)
   * @param postId the post queued for it, or {@code null}
   * @param state where that post stands, or {@code null} without one
   * @param lastError its last failure, or {@code null}
   * @param postUrl its address on the platform once posted, or {@code null}
   */
  public record ForAccount(
      String accountId,
      String feedId,
      String notPostedBecause,
      Long postId,
      OutboxState state,
      String lastError,
      String postUrl) {
    public ForAccount {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(feedId, "feedId");
    }
  }

  public RecordedEntry {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(seenAt, "seenAt");
    accounts = List.copyOf(accounts);
    left = List.copyOf(left);
  }
}

package org.paperboy.operate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What became of one entry a feed showed, for each of the feed's accounts.
 *
 * @param title the entry's title
 * @param link its link, or {@code null}
 * @param seenAt when the feed first showed it
 * @param fates what became of it, one per account
 */
public record EntryFate(String title, String link, Instant seenAt, List<Fate> fates) {

  /**
   * What became of an entry for one account.
   *
   * @param accountId the account
   * @param words what happened, in the words of {@code preview --explain}: "posted", "queued",
   *     "awaiting approval", "filtered: …", "first poll: older than …"
   * @param postId its post in the queue, or {@code null} when none was queued
   * @param postUrl the post on its platform, or {@code null} when not posted (or its address is not
   *     known)
   */
  public record Fate(String accountId, String words, Long postId, String postUrl) {
    public Fate {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(words, "words");
    }
  }

  public EntryFate {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(seenAt, "seenAt");
    fates = List.copyOf(fates);
  }
}

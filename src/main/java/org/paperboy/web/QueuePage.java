package org.paperboy.web;

import java.time.Instant;
import java.util.List;
import org.paperboy.operate.AccountStanding;
import org.paperboy.operate.QueuedPost;

/**
 * The queue, account by account.
 *
 * @param viewer who is looking
 * @param now when the page was made, for the due times
 * @param accounts each account's posts, in the config's order
 * @param state the state shown alone, as written ({@code failed}), or {@code null} for all
 */
public record QueuePage(Viewer viewer, Instant now, List<Section> accounts, String state) {

  /**
   * One account's part of the queue.
   *
   * @param account the account
   * @param posts its posts not yet posted, oldest first
   */
  public record Section(AccountStanding account, List<QueuedPost> posts) {}

  /** How many posts the page lists. */
  public int total() {
    return accounts.stream().mapToInt(section -> section.posts().size()).sum();
  }
}

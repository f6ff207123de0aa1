package org.paperboy.operate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperboy.model.OutboxState;
import org.paperboy.model.PostRecord;

/**
 * What maintainers look at and change while the service runs: feeds, the queue, the posts made. The
 * command line and the dashboard both act through it, so each change has one path to the database.
 * It starts nothing and settles nothing; every change is one transaction that touches only posts in
 * the states it names, so it never races a post being sent. Thread-safe.
 */
public interface Operations extends AutoCloseable {

  /** The accounts of the config in force, in its order. */
  List<AccountStanding> accounts();

  /**
   * Each feed of the config in force, in its order, then those Paperboy polled that it no longer
   * holds.
   */
  List<FeedStanding> feeds();

  /**
   * The {@code limit} entries {@code feedId} showed last, newest first, with what became of each.
   */
  List<EntryFate> entries(String feedId, int limit);

  /**
   * The queue, oldest first: every post not yet posted, including those given up. Either filter may
   * be {@code null}.
   */
  List<QueuedPost> queue(String accountId, OutboxState state);

  /** One post of the queue, posted or not; empty when there is none. */
  Optional<QueuedPost> post(long id);

  /** Approves one post, or with {@code id} null all of an account's (or every) held post. */
  int approve(Long id, String accountId);

  /**
   * Replaces the text of a post that has not reached its platform (a failed one too), when it fits
   * the account's platform by that platform's own count. A saved edit is what gets posted, and a
   * config reload does not rewrite it. A post whose outcome is unknown is never edited: it may be
   * on the platform as it is.
   *
   * @param replyText the new text of a threaded post's reply, or {@code null} to keep it
   * @param editor who edits, kept with the post
   */
  Edit edit(long id, String text, String replyText, String editor);

  /** Drops a post not yet sent; false when there is no such post to drop. */
  boolean drop(long id);

  /**
   * Queues a failed or retrying post again at once, or has an unknown one looked up again at once
   * (and sent only if the platform does not hold it); 0 when there is no such post.
   */
  int retry(long id);

  /**
   * The posts of each account that may be on their platform and whose retries are spent: a
   * maintainer should look, then drop or retry each.
   */
  Map<String, Integer> needingALook();

  /** Posts made, newest first; either filter may be {@code null}. */
  List<PostRecord> history(String accountId, Instant since);

  /** What each account with a budget has spent in its billing cycle, in the config's order. */
  List<BudgetStanding> budgets();

  @Override
  void close();
}

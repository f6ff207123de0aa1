package org.paperboy.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.store.FeedOverview;
import org.paperboy.store.PostRecord;

/**
 * What maintainers look at and change while the service runs: feeds, the queue, the posts made. It
 * starts nothing and settles nothing.
 */
public interface Maintenance extends AutoCloseable {

  List<FeedOverview> feeds();

  /** The queue, oldest first; either filter may be {@code null}. */
  List<OutboxItem> queue(String accountId, OutboxState state);

  /** Approves one post, or with {@code id} null all of an account's (or every) held post. */
  int approve(Long id, String accountId);

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

  /** What {@code accountId}'s posts have cost since {@code since}, as its platform bills them. */
  BigDecimal spent(String accountId, Instant since);

  @Override
  void close();
}

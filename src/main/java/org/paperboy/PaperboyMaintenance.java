package org.paperboy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.cli.Maintenance;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.store.Database;
import org.paperboy.store.FeedOverview;
import org.paperboy.store.JdbcFeedStore;
import org.paperboy.store.JdbcPostLog;
import org.paperboy.store.JdbcQueue;
import org.paperboy.store.JdbcSpend;
import org.paperboy.store.PostRecord;

/** The maintainers' view of Paperboy's database. */
final class PaperboyMaintenance implements Maintenance {

  private final Database database;
  private final JdbcFeedStore feeds;
  private final JdbcQueue queue;
  private final JdbcPostLog posts;
  private final JdbcSpend spend;
  private final Clock clock;

  PaperboyMaintenance(Database database, Clock clock) {
    this.database = database;
    this.feeds = new JdbcFeedStore(database.dataSource());
    this.queue = new JdbcQueue(database.dataSource());
    this.posts = new JdbcPostLog(database.dataSource());
    this.spend = new JdbcSpend(database.dataSource());
    this.clock = clock;
  }

  @Override
  public List<FeedOverview> feeds() {
    return feeds.overview();
  }

  @Override
  public List<OutboxItem> queue(String accountId, OutboxState state) {
    return queue.list(accountId, state);
  }

  @Override
  public int approve(Long id, String accountId) {
    return queue.requeue(id, accountId, Set.of(OutboxState.AWAITING_APPROVAL), clock.instant());
  }

  @Override
  public boolean drop(long id) {
    return queue.drop(id, clock.instant());
  }

  @Override
  public int retry(long id) {
    Instant now = clock.instant();
    if (queue.recheck(id, now)) {
      return 1;
    }
    return queue.requeue(id, null, Set.of(OutboxState.FAILED, OutboxState.RETRYING), now);
  }

  @Override
  public Map<String, Integer> needingALook() {
    return queue.awaitingLook();
  }

  @Override
  public List<PostRecord> history(String accountId, Instant since) {
    return posts.history(accountId, since);
  }

  @Override
  public BigDecimal spent(String accountId, Instant since) {
    return spend.since(accountId, since);
  }

  @Override
  public void close() {
    database.close();
  }
}

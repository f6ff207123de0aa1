package org.paperboy;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.cli.Maintenance;
import org.paperboy.config.FeedConfig;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.schedule.FeedBatches;
import org.paperboy.store.Database;
import org.paperboy.store.FeedOverview;
import org.paperboy.store.JdbcFeedStore;
import org.paperboy.store.JdbcOutbox;
import org.paperboy.store.PostRecord;

/** The maintainers' view of Paperboy's database. */
final class PaperboyMaintenance implements Maintenance {

  private final Database database;
  private final JdbcFeedStore feeds;
  private final JdbcOutbox outbox;
  private final Clock clock;
  private final Map<String, String> pollJobs = new HashMap<>();

  /**
   * @param configured the configured feeds, whose schedules Quartz holds
   */
  PaperboyMaintenance(Database database, Collection<FeedConfig> configured, Clock clock) {
    this.database = database;
    this.feeds = new JdbcFeedStore(database.dataSource());
    this.outbox = new JdbcOutbox(database.dataSource(), database.dialect());
    this.clock = clock;
    configured.forEach(feed -> pollJobs.put(feed.id(), FeedBatches.jobName(feed)));
  }

  @Override
  public List<FeedOverview> feeds() {
    return feeds.overview(pollJobs);
  }

  @Override
  public List<OutboxItem> queue(String accountId, OutboxState state) {
    return outbox.list(accountId, state);
  }

  @Override
  public int approve(Long id, String accountId) {
    return outbox.requeue(id, accountId, List.of(OutboxState.AWAITING_APPROVAL), clock.instant());
  }

  @Override
  public boolean drop(long id) {
    return outbox.drop(id, clock.instant());
  }

  @Override
  public int retry(long id) {
    return outbox.requeue(
        id, null, List.of(OutboxState.FAILED, OutboxState.RETRYING), clock.instant());
  }

  @Override
  public List<PostRecord> history(String accountId, Instant since) {
    return outbox.history(accountId, since);
  }

  @Override
  public void close() {
    database.close();
  }
}

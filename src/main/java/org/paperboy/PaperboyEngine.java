package org.paperboy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.paperboy.cli.Engine;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.observe.HttpEndpoints;
import org.paperboy.observe.Metrics;
import org.paperboy.pipeline.DispatchReport;
import org.paperboy.pipeline.FeedPlan;
import org.paperboy.pipeline.FeedPoller;
import org.paperboy.pipeline.FeedPreview;
import org.paperboy.pipeline.FeedPreviewer;
import org.paperboy.pipeline.PollReport;
import org.paperboy.pipeline.PostDispatcher;
import org.paperboy.pipeline.Rewriter;
import org.paperboy.schedule.NodeHeartbeat;
import org.paperboy.schedule.PaperboyScheduler;
import org.paperboy.schedule.ScheduleException;
import org.paperboy.store.Database;
import org.paperboy.store.JdbcFeedStore;
import org.paperboy.store.JdbcNodes;
import org.paperboy.store.ServiceLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paperboy assembled for one configuration: a cycle on demand, or the scheduled service. Its
 * pipeline is rebuilt when the configuration changes; the database, metrics and scheduler stay.
 */
final class PaperboyEngine implements Engine {

  private static final Logger log = LoggerFactory.getLogger(PaperboyEngine.class);

  /** The parts built from one configuration. */
  record Parts(
      PaperboyConfig config,
      FeedPoller poller,
      PostDispatcher dispatcher,
      FeedPreviewer previewer,
      Rewriter rewriter) {}

  private final Database database;
  private final ServiceLock lock;
  private final Metrics metrics;
  private final Function<PaperboyConfig, Parts> assemble;
  private final AtomicReference<Parts> parts = new AtomicReference<>();
  private PaperboyScheduler scheduler;
  private NodeHeartbeat heartbeat;
  private HttpEndpoints endpoints;
  // This node's id once it runs in a cluster; null for once, and on the embedded database.
  private final AtomicReference<String> node;
  private final JdbcFeedStore feedStore;
  private final Clock clock;

  /**
   * @param lock this service's hold on an embedded database, or {@code null}
   * @param node set to this node's cluster id when the service starts clustered
   * @param assemble builds the pipeline for a configuration
   */
  PaperboyEngine(
      PaperboyConfig config,
      Database database,
      ServiceLock lock,
      Metrics metrics,
      AtomicReference<String> node,
      Clock clock,
      Function<PaperboyConfig, Parts> assemble) {
    this.clock = clock;
    this.feedStore = new JdbcFeedStore(database.dataSource());
    this.node = node;
    this.database = database;
    this.lock = lock;
    this.metrics = metrics;
    this.assemble = assemble;
    this.parts.set(assemble.apply(config));
  }

  @Override
  public Cycle once() {
    Parts current = parts.get();
    List<PollReport> polls = current.poller().pollAll(current.config().feeds());
    List<DispatchReport> dispatches = new ArrayList<>();
    for (String accountId : current.config().accounts().keySet()) {
      dispatches.add(current.dispatcher().dispatch(accountId));
    }
    return new Cycle(polls, dispatches);
  }

  @Override
  public List<FeedPreview> preview(
      List<FeedConfig> feeds, boolean asIfPolledBefore, IntConsumer feedsDone) {
    return parts.get().previewer().preview(feeds, asIfPolledBefore, feedsDone);
  }

  @Override
  public synchronized void start() throws ScheduleException, IOException {
    if (scheduler != null) {
      throw new IllegalStateException("already started");
    }
    PaperboyConfig config = parts.get().config();
    if (database.dialect().clustered()) {
      // Checked in before the first claim, so that no other node takes this one's posts as
      // abandoned.
      heartbeat = new NodeHeartbeat(new JdbcNodes(database.dataSource()), clock);
      node.set(heartbeat.nodeId());
    }
    scheduler =
        new PaperboyScheduler(
            database.dataSource(), database.dialect(), this::poll, this::dispatch, this::nextFire);
    scheduler.start(config);
    if (config.http().enabled()) {
      endpoints =
          new HttpEndpoints(config.http().host(), config.http().port(), this::health, metrics);
      log.info("health and metrics on http://{}:{}/", config.http().host(), endpoints.port());
    }
  }

  @Override
  public synchronized void reload(PaperboyConfig next) throws ScheduleException {
    PaperboyConfig current = parts.get().config();
    if (!next.database().equals(current.database()) || !next.http().equals(current.http())) {
      log.warn("the database and http settings changed: they take effect at the next start");
    }
    Parts rebuilt = assemble.apply(next);
    parts.set(rebuilt);
    if (scheduler != null) {
      scheduler.start(next);
    }
    // Posts not yet sent follow the new template, hashtags and roster too. A feed whose posts
    // would come out the same keeps them as they are: rewriting 5,000 feeds' queues took a minute.
    for (FeedConfig feed : next.feeds().values()) {
      FeedConfig before = current.feeds().get(feed.id());
      if (before == null || !FeedPlan.of(feed).style().equals(FeedPlan.of(before).style())) {
        rebuilt.rewriter().rewrite(feed);
      }
    }
    log.info("config reloaded: {} accounts, {} feeds", next.accounts().size(), next.feeds().size());
  }

  @Override
  public Optional<Integer> httpPort() {
    return Optional.ofNullable(endpoints).map(HttpEndpoints::port);
  }

  /** What is wrong with the service, or empty when the database answers and the scheduler runs. */
  Optional<String> health() {
    Optional<String> problem = database.problem();
    if (problem.isPresent()) {
      return problem;
    }
    PaperboyScheduler running = scheduler;
    if (running == null || !running.isRunning()) {
      return Optional.of("the scheduler is not running");
    }
    return Optional.empty();
  }

  private boolean poll(String feedId) {
    Parts current = parts.get();
    FeedConfig feed = current.config().feeds().get(feedId);
    if (feed == null) {
      log.info("feed {}: no longer in the config; skipped", feedId);
      return false;
    }
    return current.poller().poll(feed).queued() > 0;
  }

  /** Records when the schedule next polls each of {@code feedIds}, for maintainers. */
  private void nextFire(List<String> feedIds, Instant next) {
    Map<String, FeedConfig> feeds = parts.get().config().feeds();
    for (String feedId : feedIds) {
      FeedConfig feed = feeds.get(feedId);
      if (feed != null) {
        feedStore.recordNextFire(feedId, feed.url().toString(), next);
      }
    }
  }

  private void dispatch(String accountId) {
    Parts current = parts.get();
    if (current.config().accounts().containsKey(accountId)) {
      current.dispatcher().dispatch(accountId);
    }
  }

  @Override
  public synchronized void close() {
    if (endpoints != null) {
      endpoints.close();
      endpoints = null;
    }
    if (scheduler != null) {
      try {
        scheduler.close();
      } catch (ScheduleException e) {
        log.warn("{}", e.getMessage());
      }
      scheduler = null;
    }
    if (heartbeat != null) {
      heartbeat.close();
      heartbeat = null;
    }
    database.close();
    if (lock != null) {
      lock.close();
    }
  }
}

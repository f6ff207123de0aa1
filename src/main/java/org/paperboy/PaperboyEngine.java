package org.paperboy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.paperboy.cli.Engine;
import org.paperboy.config.AccountConfig;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.config.PlatformSettings;
import org.paperboy.observe.Health;
import org.paperboy.observe.Metrics;
import org.paperboy.pipeline.DispatchReport;
import org.paperboy.pipeline.FeedPoller;
import org.paperboy.pipeline.FeedPreview;
import org.paperboy.pipeline.FeedPreviewer;
import org.paperboy.pipeline.PollReport;
import org.paperboy.pipeline.PostDispatcher;
import org.paperboy.pipeline.Rewriter;
import org.paperboy.queue.Spending;
import org.paperboy.schedule.NodeHeartbeat;
import org.paperboy.schedule.PaperboyScheduler;
import org.paperboy.schedule.ScheduleException;
import org.paperboy.store.Database;
import org.paperboy.store.JdbcFeedStore;
import org.paperboy.store.JdbcNodes;
import org.paperboy.store.JdbcQueue;
import org.paperboy.store.JdbcSpend;
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
  private final HttpServing http;
  private final AtomicReference<Parts> parts = new AtomicReference<>();
  // How long a stop waits for running polls and posts; SIGTERM's stop must end within ten seconds.
  private static final Duration STOP_GRACE = Duration.ofSeconds(6);

  private volatile PaperboyScheduler scheduler;
  private NodeHeartbeat heartbeat;
  private HttpServing.Served endpoints;
  // This node's id once it runs in a cluster; null for once, and on the embedded database.
  private final AtomicReference<String> node;
  private final AtomicBoolean stopping;
  private final JdbcFeedStore feedStore;
  private final Clock clock;

  /**
   * @param lock this service's hold on an embedded database, or {@code null}
   * @param node set to this node's cluster id when the service starts clustered
   * @param stopping set when the engine closes, for the pipeline to claim and poll no more
   * @param assemble builds the pipeline for a configuration
   * @param http what the service serves over HTTP when the config has a port
   */
  PaperboyEngine(
      PaperboyConfig config,
      Database database,
      ServiceLock lock,
      Metrics metrics,
      AtomicReference<String> node,
      AtomicBoolean stopping,
      Clock clock,
      Function<PaperboyConfig, Parts> assemble,
      HttpServing http) {
    this.http = http;
    this.stopping = stopping;
    this.clock = clock;
    this.feedStore = new JdbcFeedStore(database.dataSource());
    this.node = node;
    this.database = database;
    this.lock = lock;
    this.metrics = metrics;
    this.assemble = assemble;
    this.parts.set(assemble.apply(config));
    metrics.spending(this::spentThisCycle);
  }

  /** What each account with a budget has spent in its billing cycle. */
  private Map<String, BigDecimal> spentThisCycle() {
    JdbcSpend spend = new JdbcSpend(database.dataSource());
    Map<String, BigDecimal> spent = new TreeMap<>();
    Instant now = clock.instant();
    for (AccountConfig account : parts.get().config().accounts().values()) {
      if (account.settings() instanceof PlatformSettings.X x && x.budget() != null) {
        spent.put(
            account.id(), spend.since(account.id(), new Spending(x.budget()).cycleStart(now)));
      }
    }
    return spent;
  }

  @Override
  public Cycle once() {
    Parts current = parts.get();
    current.rewriter().rewriteChanged(current.config().feeds().values());
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
    // A config edited while Paperboy was stopped rewrites the posts not yet sent, as a reload does.
    parts.get().rewriter().rewriteChanged(config.feeds().values());
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
      endpoints = http.start(config, this::health, parts::get);
      log.info(
          "{} on http://{}:{}/",
          config.dashboard().enabled() ? "the dashboard, health and metrics" : "health and metrics",
          config.http().host(),
          endpoints.port());
    }
  }

  @Override
  public synchronized void reload(PaperboyConfig next) throws ScheduleException {
    PaperboyConfig current = parts.get().config();
    if (!next.database().equals(current.database())
        || !next.http().equals(current.http())
        || !next.dashboard().withoutUsers().equals(current.dashboard().withoutUsers())) {
      log.warn(
          "the database, http or dashboard settings changed: they take effect at the next start"
              + " (the dashboard's users at once)");
    }
    Parts rebuilt = assemble.apply(next);
    parts.set(rebuilt);
    if (scheduler != null) {
      scheduler.start(next);
    }
    // Posts not yet sent follow the new template, hashtags and roster too. A feed whose posts
    // would come out the same keeps them as they are: rewriting 5,000 feeds' queues took a minute.
    rebuilt.rewriter().rewriteChanged(next.feeds().values());
    log.info("config reloaded: {} accounts, {} feeds", next.accounts().size(), next.feeds().size());
  }

  @Override
  public Optional<Integer> httpPort() {
    return Optional.ofNullable(endpoints).map(HttpServing.Served::port);
  }

  /**
   * Down when the database does not answer or the scheduler does not run; up otherwise, naming the
   * accounts with posts that need a look.
   */
  Health health() {
    Optional<String> problem = database.problem();
    if (problem.isEmpty()) {
      PaperboyScheduler running = scheduler;
      if (running == null || !running.isRunning()) {
        problem = Optional.of("the scheduler is not running");
      }
    }
    if (problem.isPresent()) {
      return new Health(problem.get(), List.of());
    }
    List<String> attention = new ArrayList<>();
    new JdbcQueue(database.dataSource())
        .awaitingLook()
        .forEach(
            (account, count) ->
                attention.add(
                    "account "
                        + account
                        + ": "
                        + count
                        + (count == 1 ? " post" : " posts")
                        + " may be on the platform with retries spent; see queue list --state"
                        + " unknown"));
    return new Health(null, attention);
  }

  private boolean poll(String feedId) {
    Parts current = parts.get();
    if (stopping.get()) {
      return false;
    }
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

  /** Sends the account's due posts, and has it woken when its next post falls due. */
  private void dispatch(String accountId) {
    Parts current = parts.get();
    if (stopping.get() || !current.config().accounts().containsKey(accountId)) {
      return;
    }
    DispatchReport report = current.dispatcher().dispatch(accountId);
    PaperboyScheduler running = scheduler;
    if (running != null) {
      running.wakeAt(accountId, report.nextWake());
    }
  }

  /**
   * Stops within {@link #STOP_GRACE} and a little more, whatever is in flight: running polls and
   * posts get that long to finish. A post still being sent then is settled at the next start, by
   * looking it up on its platform; a poll cut short records nothing and is polled again.
   */
  @Override
  public synchronized void close() {
    stopping.set(true);
    if (endpoints != null) {
      endpoints.close();
      endpoints = null;
    }
    PaperboyScheduler running = scheduler;
    scheduler = null;
    if (running != null) {
      try {
        running.close(STOP_GRACE);
      } catch (ScheduleException e) {
        log.warn("{}", e.getMessage());
      }
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

package org.paperboy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.paperboy.cli.Cli;
import org.paperboy.cli.Engine;
import org.paperboy.cli.EngineFactory;
import org.paperboy.compose.PostComposer;
import org.paperboy.config.AccountConfig;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.config.PlatformSettings;
import org.paperboy.enrich.Enricher;
import org.paperboy.fetch.FeedFetcher;
import org.paperboy.fetch.FetchLimits;
import org.paperboy.observe.Metrics;
import org.paperboy.operate.Operations;
import org.paperboy.parse.FeedParser;
import org.paperboy.picture.PictureLoader;
import org.paperboy.pipeline.FeedPoller;
import org.paperboy.pipeline.FeedPreviewer;
import org.paperboy.pipeline.PostDispatcher;
import org.paperboy.pipeline.PostKeys;
import org.paperboy.pipeline.Rewriter;
import org.paperboy.queue.Backoff;
import org.paperboy.queue.Pacing;
import org.paperboy.queue.Settlement;
import org.paperboy.queue.Spending;
import org.paperboy.schedule.NodeHeartbeat;
import org.paperboy.schedule.QuartzCron;
import org.paperboy.store.Database;
import org.paperboy.store.Dialect;
import org.paperboy.store.JdbcAccountStore;
import org.paperboy.store.JdbcFeedStore;
import org.paperboy.store.JdbcOutbox;
import org.paperboy.store.JdbcPaperStore;
import org.paperboy.store.JdbcPictures;
import org.paperboy.store.JdbcPostLog;
import org.paperboy.store.JdbcQueue;
import org.paperboy.store.JdbcSessions;
import org.paperboy.store.JdbcSpend;
import org.paperboy.store.ServiceLock;
import org.paperboy.summarise.Summariser;
import org.slf4j.LoggerFactory;

/** The composition root: the only place that knows every stage. */
public final class Paperboy implements EngineFactory {

  // X sends x-rate-limit-reset with every 429; this is for an answer without it.
  private static final Duration RATE_LIMIT_PAUSE = Duration.ofMinutes(15);
  // Refused credentials are tried again this often, to notice a fix without a restart.
  private static final Duration UNAUTHORIZED_PAUSE = Duration.ofMinutes(15);
  // How many article pages' details the enricher remembers, so that it reads a page once.
  private static final int PAGE_CACHE_SIZE = 1000;

  private final Clock clock;
  private final PrintStream out;

  /**
   * @param clock the time every stage reads
   * @param out where console accounts print their posts
   */
  public Paperboy(Clock clock, PrintStream out) {
    this.clock = clock;
    this.out = out;
  }

  public static void main(String[] args) {
    int code = execute(args, System.getenv(), System.out, System.err);
    System.exit(code);
  }

  /** Runs the command line {@code args} and returns its exit code. */
  public static int execute(
      String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    return Cli.run(
        args,
        new ConfigLoader(environment, new QuartzCron()),
        new Paperboy(Clock.systemUTC(), out),
        version(),
        Clock.systemUTC(),
        out,
        err);
  }

  @Override
  public Operations maintain(PaperboyConfig config) {
    Database database =
        Database.open(
            ServiceLock.sharedUrl(config.database().url()),
            config.database().user(),
            config.database().password());
    Accounts platforms = new Accounts(clock, out, new JdbcSessions(database.dataSource(), clock));
    return new PaperboyMaintenance(database, true, () -> config, platforms::rules, clock);
  }

  @Override
  public Engine open(PaperboyConfig config) {
    ServiceLock lock = ServiceLock.acquire(config.database().url()).orElse(null);
    Database database;
    try {
      database =
          Database.open(
              config.database().url(), config.database().user(), config.database().password());
    } catch (RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      throw e;
    }
    if (lock != null) {
      lock.share(config.database().url());
    }
    JdbcOutbox outbox = new JdbcOutbox(database.dataSource(), database.dialect());
    JdbcAccountStore accounts = new JdbcAccountStore(database.dataSource());
    settleInterruptedWork(database, outbox, accounts);
    Logging.useJson(config.jsonLogs());
    JdbcQueue queue = new JdbcQueue(database.dataSource());
    Metrics metrics =
        new Metrics(
            queue::countsByState,
            () -> queue.awaitingLook().values().stream().mapToInt(Integer::intValue).sum());
    AtomicReference<String> node = new AtomicReference<>();
    AtomicBoolean stopping = new AtomicBoolean();
    Accounts platforms = new Accounts(clock, out, new JdbcSessions(database.dataSource(), clock));
    PostKeys keys = new PostKeys(clock);
    return new PaperboyEngine(
        config,
        database,
        lock,
        metrics,
        node,
        stopping,
        clock,
        next -> parts(next, database, metrics, platforms, keys, node::get, stopping::get),
        new HttpServing(database, metrics, platforms, clock));
  }

  /** The pipeline for {@code config}, on an open database; built again when the config changes. */
  private PaperboyEngine.Parts parts(
      PaperboyConfig config,
      Database database,
      Metrics metrics,
      Accounts platforms,
      PostKeys keys,
      Supplier<String> node,
      BooleanSupplier stopping) {
    JdbcOutbox outbox = new JdbcOutbox(database.dataSource(), database.dialect());
    JdbcAccountStore accounts = new JdbcAccountStore(database.dataSource());
    FeedFetcher fetcher =
        new FeedFetcher(
            new FetchLimits(
                config.fetch().connectTimeout(),
                config.fetch().readTimeout(),
                config.fetch().maxBodyBytes()),
            userAgent());
    JdbcFeedStore feedStore = new JdbcFeedStore(database.dataSource());
    LinkedSources linked = new LinkedSources(config.fetch(), clock, userAgent());
    Set<String> held = new HashSet<>();
    Set<String> textOnly = new HashSet<>();
    Map<String, PostDispatcher.Account> dispatched = new LinkedHashMap<>();
    Map<String, PostComposer> composers = new LinkedHashMap<>();
    for (AccountConfig account : config.accounts().values()) {
      if (account.approval()) {
        held.add(account.id());
      }
      if (!account.images()) {
        textOnly.add(account.id());
      }
      Accounts.Platform platform = platforms.of(account, metrics);
      composers.put(account.id(), new PostComposer(platform.rules()));
      dispatched.put(
          account.id(),
          new PostDispatcher.Account(
              new Pacing(account.minSpacing(), account.maxPerDay(), account.quietHours()),
              platform.publisher(),
              new Settlement(
                  new Backoff(
                      account.retry().initialDelay(),
                      account.retry().maxDelay(),
                      account.retry().maxAttempts(),
                      () -> ThreadLocalRandom.current().nextDouble()),
                  RATE_LIMIT_PAUSE,
                  UNAUTHORIZED_PAUSE),
              platform.rules(),
              account.settings() instanceof PlatformSettings.X x && x.budget() != null
                  ? new Spending(x.budget())
                  : null));
    }
    FeedPoller poller =
        new FeedPoller(
            fetcher,
            new FeedParser(),
            new Enricher(linked.articlePages(), PAGE_CACHE_SIZE),
            new Summariser(),
            composers,
            new PictureLoader(linked.pictures()),
            textOnly,
            keys,
            feedStore,
            new JdbcPaperStore(database.dataSource()),
            clock,
            held,
            metrics);
    FeedPreviewer previewer = new FeedPreviewer(poller, feedStore, clock);
    PostDispatcher dispatcher =
        new PostDispatcher(
            dispatched,
            outbox,
            new JdbcPostLog(database.dataSource()),
            accounts,
            new JdbcSpend(database.dataSource()),
            new JdbcPictures(database.dataSource()),
            clock,
            metrics,
            node,
            NodeHeartbeat.SILENCE,
            stopping);
    Rewriter rewriter =
        new Rewriter(
            new Summariser(), composers, new JdbcQueue(database.dataSource()), feedStore, clock);
    return new PaperboyEngine.Parts(config, poller, dispatcher, previewer, rewriter);
  }

  /**
   * Work a stopped process left: posts it was sending have an unknown outcome, settled by looking
   * them up (on the embedded database no other process can be sending them), and accounts paused
   * for refused credentials are tried again, since the keys may have been fixed.
   */
  private void settleInterruptedWork(
      Database database, JdbcOutbox outbox, JdbcAccountStore accounts) {
    if (database.dialect() == Dialect.H2) {
      int interrupted = outbox.recoverInterrupted(clock.instant());
      if (interrupted > 0) {
        LoggerFactory.getLogger(Paperboy.class)
            .warn(
                "{} posts were being sent when Paperboy last stopped; each is looked up on its"
                    + " platform before it is sent again",
                interrupted);
      }
    }
    accounts.resumeUnauthorized();
  }

  /** The User-Agent of every fetch: Paperboy, its version and where to learn about it. */
  static String userAgent() {
    return "Paperboy/" + version() + " (research paper announcer; +https://github.com/paperboy)";
  }

  /** The build's version, from the filtered {@code version.properties}. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = Paperboy.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}

package org.paperboy.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.paperboy.model.PaperIdentity;
import org.paperboy.model.PaperKey;
import org.paperboy.model.Picture;
import org.paperboy.platform.x.OAuthSigner;
import org.paperboy.platform.x.XPublisher;
import org.paperboy.platform.x.XText;
import org.paperboy.publish.Publisher;
import org.paperboy.queue.Backoff;
import org.paperboy.queue.Pacing;
import org.paperboy.queue.Settlement;
import org.paperboy.queue.Spending;
import org.paperboy.store.Database;
import org.paperboy.store.JdbcAccountStore;
import org.paperboy.store.JdbcOutbox;
import org.paperboy.store.JdbcPaperStore;
import org.paperboy.store.JdbcPictures;
import org.paperboy.store.JdbcPostLog;
import org.paperboy.store.JdbcQueue;
import org.paperboy.store.JdbcSpend;
import org.paperboy.store.NewPaper;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.MutableClock;

/**
 * The outbox of one account, {@code lab}, on a real embedded database, against a fake X API that
 * answers as X does, on a clock the test moves.
 */
final class OutboxOnX implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-21T20:00:00Z");
  static final Pacing FREE = new Pacing(Duration.ZERO, 1000);

  final MutableClock clock = new MutableClock(START);
  final Database database =
      Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
  final JdbcOutbox outbox = new JdbcOutbox(database.dataSource(), database.dialect());
  final JdbcQueue queue = new JdbcQueue(database.dataSource());
  final JdbcPostLog postLog = new JdbcPostLog(database.dataSource());
  final JdbcAccountStore accounts = new JdbcAccountStore(database.dataSource());
  final JdbcSpend spend = new JdbcSpend(database.dataSource());
  final FakeXApi x;

  OutboxOnX() throws Exception {
    x = new FakeXApi("ck", "cs", "at", "ats");
  }

  @Override
  public void close() {
    x.close();
    database.close();
  }

  /** Queues papers {@code first} to {@code last}, each with {@code picture} (or none). */
  void queue(int first, int last, Picture picture) {
    JdbcPaperStore papers = new JdbcPaperStore(database.dataSource());
    // Dated oldest first by number, queued newest first: the outbox must reorder them.
    for (int n = last; n >= first; n--) {
      papers.record(
          new NewPaper(
              new PaperKey("lab", PaperIdentity.parse("doi:10.1/" + n)),
              "journal",
              "p" + n,
              "10.1/" + n,
              null,
              "Paper " + n,
              START.minus(Duration.ofDays(100 - n)),
              "Paper " + n + " https://doi.org/10.1/" + n,
              null,
              false,
              null,
              null,
              null,
              picture,
              null),
          clock.instant());
    }
  }

  /** The dispatcher of {@code lab}, with a budget when {@code spending} is not null. */
  PostDispatcher dispatcher(
      Pacing pacing, Publisher publisher, int maxAttempts, Spending spending) {
    Settlement settlement =
        new Settlement(
            new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), maxAttempts, () -> 0.999),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15));
    return new PostDispatcher(
        Map.of(
            "lab",
            new PostDispatcher.Account(pacing, publisher, settlement, new XText(), spending)),
        outbox,
        postLog,
        accounts,
        spend,
        new JdbcPictures(database.dataSource()),
        clock,
        Events.NONE,
        () -> null,
        Duration.ofSeconds(15),
        () -> false);
  }

  /** X's publisher for {@code lab}, signing with {@code consumerSecret}. */
  XPublisher toX(String consumerSecret) {
    return new XPublisher(
        "lab",
        x.baseUrl(),
        new OAuthSigner("ck", consumerSecret, "at", "ats"),
        Duration.ofSeconds(1),
        remaining -> {});
  }
}

package org.paperboy.platform.bluesky;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.paperboy.model.Subject;
import org.paperboy.model.Tid;
import org.paperboy.publish.Message;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.store.Database;
import org.paperboy.store.JdbcSessions;
import org.paperboy.testing.FakeBluesky;
import org.paperboy.testing.MutableClock;

/**
 * The {@code lab} account on a {@link FakeBluesky} on 127.0.0.1, its session kept by a real {@link
 * JdbcSessions} in an embedded H2 file database, as a Paperboy process keeps it: publishers made
 * here are the account as one node sees it, and {@link #restart()} reopens the database as a new
 * process would. Messages are keyed as the queue keys them, by a TID of the time they were queued.
 */
final class TestAccount implements AutoCloseable {

  static final String HANDLE = "lab.bsky.social";
  static final String APP_PASSWORD = "lab1-app2-pass-word";
  static final Instant T0 = Instant.parse("2026-06-01T12:00:00.123456Z");

  final MutableClock clock = new MutableClock(T0);
  final FakeBluesky pds;
  private final String url;
  private Database database;
  private JdbcSessions sessions;
  private long queued;

  /** The account, its database in {@code dir}. */
  TestAccount(Path dir) throws IOException {
    pds = new FakeBluesky(HANDLE, APP_PASSWORD, clock);
    url = "jdbc:h2:file:" + dir.resolve("paperboy");
    restart();
  }

  /** The account's publisher on a node of its own, posting in {@code language}. */
  BlueskyPublisher publisher(String language) {
    return publisher(HANDLE, APP_PASSWORD, language);
  }

  BlueskyPublisher publisher() {
    return publisher("en");
  }

  BlueskyPublisher publisher(String identifier, String appPassword, String language) {
    return new BlueskyPublisher(
        "lab",
        pds.baseUrl(),
        identifier,
        appPassword,
        language,
        sessions,
        new PlatformHttp("account lab on Bluesky", Duration.ofSeconds(5)));
  }

  /** Closes the database and opens it again, as a restarted process does. */
  void restart() {
    if (database != null) {
      database.close();
    }
    database = Database.open(url, "", "");
    sessions = new JdbcSessions(database.dataSource(), clock);
  }

  /** Where the sessions are kept, for a look at what is stored. */
  JdbcSessions sessions() {
    return sessions;
  }

  /** A post of {@code text} queued now, about a paper at {@code link} (or none when empty). */
  Message queue(String text, Subject subject) {
    // Two apart, as the queue's keys are: a thread's reply takes the next.
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant()) + 2 * queued++;
    Tid key = new Tid(micros, 451);
    return new Message(key.toString(), key.instant(), "lab", "nature", text, null, subject, null);
  }

  Message queue(String text) {
    return queue(text, new Subject("A paper", "", ""));
  }

  /** The reply that follows {@code first} in its thread, answering the post {@code firstId}. */
  static Message reply(Message first, String text, String firstId) {
    Tid key = Tid.parse(first.key()).plus(1);
    return new Message(
        key.toString(),
        key.instant(),
        first.accountId(),
        first.feedId(),
        text,
        firstId,
        first.subject(),
        null);
  }

  @Override
  public void close() {
    pds.close();
    database.close();
  }
}

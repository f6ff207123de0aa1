package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Engine;
import org.paperboy.config.ConfigLoader;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.Fixtures;
import org.paperboy.testing.Postgres;

/** The whole path on a real PostgreSQL: the same migrations, the Quartz job store clustered. */
class PostgresEndToEndTest {

  private static final Map<String, String> ENV =
      Map.of(
          "X_LAB_CONSUMER_KEY", "ck",
          "X_LAB_CONSUMER_SECRET", "cs",
          "X_LAB_ACCESS_TOKEN", "at",
          "X_LAB_ACCESS_TOKEN_SECRET", "ats",
          "PAPERBOY_DB_USER", "postgres",
          "PAPERBOY_DB_PASSWORD", "postgres");

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeXApi x;
  private Path config;
  private String url;

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    x = new FakeXApi("ck", "cs", "at", "ats");
    feeds.serve(
        "/plos.xml",
        Fixtures.feedBytes("med_plos_ploscompbiol_atom_2025-04_reserialized.xml"),
        "application/atom+xml");
    feeds.serve(
        "/pubmed.xml", Fixtures.feedBytes("wrapped-med_pubmed-rss2.xml"), "application/rss+xml");
    feeds.serve(
        "/sections.xml",
        Fixtures.feedBytes("wrapped-med_sections-atom.xml"),
        "application/atom+xml");
    url = Postgres.freshDatabase();
    config = dir.resolve("paperboy.conf");
    Files.writeString(
        config,
        """
        paperboy {
          database { url = "%s", user = ${PAPERBOY_DB_USER}, password = ${PAPERBOY_DB_PASSWORD} }
          accounts.lab {
            platform = x
            api-base-url = "%s"
            consumer-key = ${X_LAB_CONSUMER_KEY}
            consumer-secret = ${X_LAB_CONSUMER_SECRET}
            access-token = ${X_LAB_ACCESS_TOKEN}
            access-token-secret = ${X_LAB_ACCESS_TOKEN_SECRET}
            min-spacing = 0s
            max-per-day = 1000
          }
          feeds.plos { url = "%s", account = lab, backfill = 2, schedule = 1s }
          feeds.pubmed { url = "%s", account = lab, backfill = 100, schedule = 1s }
          feeds.sections { url = "%s", account = lab, backfill = 100, schedule = 1s }
        }
        """
            .formatted(
                url,
                x.baseUrl(),
                feeds.url("/plos.xml"),
                feeds.url("/pubmed.xml"),
                feeds.url("/sections.xml")));
  }

  @AfterEach
  void stop() {
    feeds.close();
    x.close();
  }

  private int paperboy(String... args) {
    return Paperboy.execute(
        args,
        ENV,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  void onceQueuesAndPostsEachPaperOnceAcrossFeedsThenNothing() {
    assertThat(paperboy("once", "--config", config.toString())).isZero();
    int posted = x.tweets().size();
    assertThat(posted).isGreaterThan(20);
    assertThat(x.tweets()).extracting(FakeXApi.Tweet::text).doesNotHaveDuplicates();

    assertThat(paperboy("once", "--config", config.toString())).isZero();
    assertThat(x.tweets()).hasSize(posted);
  }

  @Test
  void theServiceRunsOnAClusteredJobStore() throws Exception {
    try (Engine engine =
        new Paperboy(
                Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .open(new ConfigLoader(ENV).load(config))) {
      engine.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> x.tweets().size() > 20);
      await().atMost(Duration.ofSeconds(10)).until(() -> feeds.requests("/plos.xml").size() >= 3);
    }
    assertThat(x.tweets()).extracting(FakeXApi.Tweet::text).doesNotHaveDuplicates();
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
        ResultSet rows =
            c.createStatement().executeQuery("SELECT COUNT(*) FROM qrtz_scheduler_state")) {
      rows.next();
      assertThat(rows.getInt(1)).as("a clustered job store records its nodes").isEqualTo(1);
    }
  }
}

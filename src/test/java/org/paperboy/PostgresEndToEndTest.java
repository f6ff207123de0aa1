package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Engine;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.Postgres;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPaperboy;

/** The whole path on a real PostgreSQL: the same migrations, the Quartz job store clustered. */
class PostgresEndToEndTest {

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeXApi x;
  private Path config;
  private String url;

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    x = TestConfig.labX();
    URI plos =
        feeds.serveFixture("/plos.xml", "med_plos_ploscompbiol_atom_2025-04_reserialized.xml");
    URI pubmed = feeds.serveFixture("/pubmed.xml", "wrapped-med_pubmed-rss2.xml");
    URI sections = feeds.serveFixture("/sections.xml", "wrapped-med_sections-atom.xml");
    url = Postgres.freshDatabase();
    config = dir.resolve("paperboy.conf");
    Files.writeString(
        config,
        TestConfig.postgres(url)
            + TestConfig.labAccount(x, "min-spacing = 0s\nmax-per-day = 1000")
            + """
            paperboy.feeds.plos { url = "%s", account = lab, backfill = 2, schedule = 1s }
            paperboy.feeds.pubmed { url = "%s", account = lab, backfill = 100, schedule = 1s }
            paperboy.feeds.sections { url = "%s", account = lab, backfill = 100, schedule = 1s }
            """
                .formatted(plos, pubmed, sections));
  }

  @AfterEach
  void stop() {
    feeds.close();
    x.close();
  }

  private int paperboy(String... args) {
    return Paperboy.execute(
        args,
        TestConfig.ENVIRONMENT,
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
    try (Engine engine = TestPaperboy.open(TestPaperboy.load(config))) {
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

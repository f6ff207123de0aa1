package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Engine;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPaperboy;

/** The service: Quartz fires polls and dispatches from its JDBC job store, across restarts. */
class ScheduledRunTest {

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeXApi x;
  private Path db;

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    x = TestConfig.labX();
    feeds.serveFixture("/bmc.xml", "med_bmc_bmc-bioinformatics_rss2_2025-04_trimmed.xml");
    db = dir.resolve("db");
  }

  @AfterEach
  void stop() {
    feeds.close();
    x.close();
  }

  private PaperboyConfig config(String schedule) throws Exception {
    Path file = dir.resolve("paperboy.conf");
    Files.writeString(
        file,
        TestConfig.h2(db)
            + TestConfig.labAccount(x, "min-spacing = 0s")
            + "paperboy.feeds.bmc { url = \"%s\", account = lab, backfill = 2, schedule = \"%s\" }\n"
                .formatted(feeds.url("/bmc.xml"), schedule));
    return TestPaperboy.load(file);
  }

  private Engine engine(PaperboyConfig config) {
    return TestPaperboy.open(config);
  }

  private List<String> triggers() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db);
        ResultSet rows =
            c.createStatement()
                .executeQuery(
                    "SELECT TRIGGER_GROUP, TRIGGER_NAME, START_TIME FROM QRTZ_TRIGGERS"
                        + " WHERE TRIGGER_GROUP IN ('feeds', 'accounts') ORDER BY 1, 2")) {
      List<String> triggers = new ArrayList<>();
      while (rows.next()) {
        triggers.add(rows.getString(1) + "." + rows.getString(2) + "@" + rows.getLong(3));
      }
      return triggers;
    }
  }

  @Test
  void pollsAndPostsOnScheduleAndResumesAfterARestart() throws Exception {
    PaperboyConfig config = config("1s");
    try (Engine engine = engine(config)) {
      engine.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> x.tweets().size() == 2);
      await().atMost(Duration.ofSeconds(10)).until(() -> feeds.requests("/bmc.xml").size() >= 3);
    }
    List<String> stored = triggers();
    assertThat(stored)
        .hasSize(2)
        .anyMatch(t -> t.startsWith("feeds.every 1s #"))
        .anyMatch(t -> t.startsWith("accounts.lab@"));

    int polls = feeds.requests("/bmc.xml").size();
    try (Engine engine = engine(config)) {
      engine.start();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> feeds.requests("/bmc.xml").size() >= polls + 2);
    }

    assertThat(triggers()).as("an unchanged schedule keeps its stored trigger").isEqualTo(stored);
    assertThat(x.tweets()).hasSize(2);
    assertThat(x.statuses()).containsOnly(201);
  }

  @Test
  void aChangedScheduleReplacesTheStoredTrigger() throws Exception {
    try (Engine engine = engine(config("1s"))) {
      engine.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> x.tweets().size() == 2);
    }
    List<String> before = triggers();

    try (Engine engine = engine(config("0/2 * * * * ?"))) {
      engine.start();
    }

    assertThat(triggers()).hasSize(2).isNotEqualTo(before);
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db);
        ResultSet rows =
            c.createStatement().executeQuery("SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("0/2 * * * * ?");
    }
  }
}

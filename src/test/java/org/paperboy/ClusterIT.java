package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.ChildPaperboy;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.PaperIdentities;
import org.paperboy.testing.Postgres;
import org.paperboy.testing.TestConfig;

/**
 * Two Paperboy nodes, each its own JVM, on one PostgreSQL as a Quartz cluster: one killed with
 * SIGKILL while sending a post is taken over, the other node settles that post by looking it up,
 * and X (which here accepts a text twice) holds every paper exactly once; and an account's pacing
 * holds across the nodes.
 */
class ClusterIT {

  private static final String[] FEEDS = {
    "wrapped-med_pubmed-rss2.xml", "wrapped-med_inline-rss1.xml", "wrapped-med_sections-atom.xml"
  };

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeXApi x;

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    x = TestConfig.labX();
    x.acceptDuplicates();
    x.latency(Duration.ofMillis(150));
    for (int i = 0; i < FEEDS.length; i++) {
      feeds.serveFixture("/" + i + ".xml", FEEDS[i]);
    }
  }

  /** The nodes' database, fresh for each test. */
  private String databaseUrl;

  /**
   * The nodes' shared config on a fresh PostgreSQL database: {@code feedCount} feeds of the lab
   * account, drawn in turn from the fixtures.
   */
  private Path config(int feedCount, String schedule, String minSpacing) throws Exception {
    databaseUrl = Postgres.freshDatabase();
    StringBuilder blocks = new StringBuilder();
    for (int i = 0; i < feedCount; i++) {
      blocks
          .append("paperboy.feeds.f")
          .append(i)
          .append(" { url = \"")
          .append(feeds.url("/" + i % FEEDS.length + ".xml"))
          .append("\", account = lab, backfill = 100, schedule = ")
          .append(schedule)
          .append(" }\n");
    }
    return Files.writeString(
        dir.resolve("cluster.conf"),
        TestConfig.postgres(databaseUrl)
            + TestConfig.labAccount(x, "min-spacing = " + minSpacing + "\nmax-per-day = 1000")
            + blocks);
  }

  @AfterEach
  void stop() {
    feeds.close();
    x.close();
  }

  private Process node(Path config, String name) throws Exception {
    return ChildPaperboy.start(
        TestConfig.ENVIRONMENT, dir.resolve(name + ".log"), "run", "--config", config.toString());
  }

  /** True while {@code node} has a post claimed and being sent: its node id names its process. */
  private boolean sending(Process node) throws Exception {
    try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "postgres");
        PreparedStatement select =
            c.prepareStatement(
                "SELECT COUNT(*) FROM outbox WHERE state = 'SENDING' AND claimed_by LIKE ?")) {
      select.setString(1, "%:" + node.pid() + ":%");
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1) > 0;
      }
    }
  }

  @Test
  void aNodeKilledMidSendIsTakenOverAndEveryPaperIsPostedOnce() throws Exception {
    Set<String> expected = PaperIdentities.expected(FEEDS);
    Path config = config(FEEDS.length, "2s", "0s");
    Process a = node(config, "a");
    Process b = node(config, "b");
    String survivor;
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> x.tweets().size() >= 5);
      // Killed with a post of its own in flight: X has it, or is about to, and it never learns.
      // Either node may hold the account's dispatch, so the one caught sending is the one killed.
      Process[] victim = new Process[1];
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> (victim[0] = sending(a) ? a : sending(b) ? b : null) != null);
      victim[0].destroyForcibly().waitFor();
      survivor = victim[0] == a ? "b" : "a";
      int atKill = x.tweets().size();
      try {
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> x.tweets().size() >= expected.size());
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(
            "node "
                + survivor
                + " did not take over: "
                + x.tweets().size()
                + " of "
                + expected.size()
                + " posted ("
                + atKill
                + " at the kill); its log:\n"
                + Files.readString(dir.resolve(survivor + ".log")),
            e);
      }
      Thread.sleep(3000); // anything still to come would be a second post
      assertThat(atKill).isLessThan(expected.size());
    } finally {
      a.destroyForcibly().waitFor();
      b.destroyForcibly().waitFor();
    }

    Map<String, Integer> postsPerPaper = new HashMap<>();
    for (FakeXApi.Tweet tweet : x.tweets()) {
      postsPerPaper.merge(PaperIdentities.of(tweet), 1, Integer::sum);
    }
    assertThat(postsPerPaper.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(postsPerPaper.values()).containsOnly(1);
    String survivorLog = Files.readString(dir.resolve(survivor + ".log"));
    assertThat(survivorLog).contains("posted");
    assertThat(survivorLog)
        .as("the surviving node settled the killed one's post by looking it up on X")
        .containsPattern("post \\d+ \\(outcome unknown\\) is (not )?on the platform");
    System.out.printf(
        "cluster test: %d papers posted once each by two nodes, one killed mid-work%n",
        postsPerPaper.size());
  }

  @Test
  void pacingHoldsAcrossTheClusterNotPerNode() throws Exception {
    // Both nodes wake the lab account's dispatcher as they start and as their polls queue papers;
    // with an hour between posts, the account posts once however many nodes try.
    Path config = config(FEEDS.length, "2s", "1h");
    Process a = node(config, "a");
    Process b = node(config, "b");
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> !x.tweets().isEmpty());
      Thread.sleep(15_000);
      assertThat(a.isAlive() && b.isAlive()).as("both nodes still run").isTrue();
    } finally {
      a.destroyForcibly().waitFor();
      b.destroyForcibly().waitFor();
    }
    assertThat(x.tweets()).hasSize(1);
  }
}

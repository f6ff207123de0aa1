package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.ChildPaperboy;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.PaperIdentities;
import org.paperboy.testing.TestConfig;

/**
 * {@code run} stops within ten seconds of SIGTERM whatever is in flight: here a feed that takes
 * half a minute to answer, and a post X has accepted but not yet answered. The post is left for
 * settling, and the next start finds it on X rather than posting it again.
 */
class StopIT {

  private static final String FEED = "med_plos_ploscompbiol_atom_2025-04_reserialized.xml";

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeXApi x;

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    feeds.serveFixture("/plos.xml", FEED);
    AtomicInteger slowPolls = new AtomicInteger();
    feeds.route(
        "/slow.xml",
        exchange -> {
          if (slowPolls.incrementAndGet() == 1) {
            byte[] empty =
                "<rss version=\"2.0\"><channel><title>Slow</title></channel></rss>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, empty.length);
            exchange.getResponseBody().write(empty);
            return;
          }
          try {
            Thread.sleep(30_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(304, -1);
        });
    x = TestConfig.labX();
    x.acceptDuplicates();
  }

  @AfterEach
  void stop() {
    feeds.close();
    x.close();
  }

  @Test
  void sigtermStopsWithinTenSecondsWithAPollAndAPostInFlight() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("stop.conf"),
            TestConfig.h2(dir.resolve("db"))
                + TestConfig.labAccount(x, "min-spacing = 0s\nmax-per-day = 100")
                + """
                paperboy.fetch { read-timeout = 60s }
                paperboy.feeds.plos { url = "%s", account = lab, backfill = 4, schedule = 1h }
                paperboy.feeds.slow { url = "%s", account = lab, schedule = 1s }
                """
                    .formatted(feeds.url("/plos.xml"), feeds.url("/slow.xml")));
    // X takes its time over each post: long after it has accepted one.
    x.latency(Duration.ofSeconds(30));
    Process child =
        ChildPaperboy.start(
            TestConfig.ENVIRONMENT, dir.resolve("first.log"), "run", "--config", config.toString());
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> x.inFlight() > 0 && feeds.requests("/slow.xml").size() >= 2);

      long sent = System.nanoTime();
      child.destroy(); // SIGTERM
      boolean stopped = child.waitFor(15, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - sent);

      assertThat(stopped).as("stopped at all").isTrue();
      assertThat(took).as("time from SIGTERM to exit").isLessThan(Duration.ofSeconds(10));
    } finally {
      child.destroyForcibly().waitFor();
    }
    assertThat(x.tweets()).as("the post in flight reached X").hasSize(1);

    x.latency(Duration.ZERO);
    Set<String> expected = PaperIdentities.expected(FEED);
    Process again =
        ChildPaperboy.start(
            TestConfig.ENVIRONMENT,
            dir.resolve("second.log"),
            "run",
            "--config",
            config.toString());
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> x.tweets().size() >= expected.size());
      Thread.sleep(3000); // anything still to come would be a second post
    } finally {
      again.destroyForcibly().waitFor();
    }

    Map<String, Integer> postsPerPaper = new HashMap<>();
    for (FakeXApi.Tweet tweet : x.tweets()) {
      postsPerPaper.merge(PaperIdentities.of(tweet), 1, Integer::sum);
    }
    assertThat(postsPerPaper.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(postsPerPaper.values()).containsOnly(1);
    assertThat(Files.readString(dir.resolve("second.log")))
        .contains("(outcome unknown) is on the platform");
  }
}

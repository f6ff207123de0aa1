package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Engine;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.PaperIdentities;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPaperboy;

/**
 * Exactly once is Paperboy's, not X's: against a fake X that accepts the same text twice, as a
 * platform without X's duplicate check would, a post whose answer never came is looked up before it
 * is sent again, and X holds each paper once. And a post goes out when it falls due, not at the
 * dispatcher's next periodic tick.
 */
class ExactlyOnceTest {

  private static final String FEED = "wrapped-med_pubmed-rss2.xml";

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeXApi x;

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    feeds.serveFixture("/pubmed.xml", FEED);
    x = TestConfig.labX();
    x.acceptDuplicates();
  }

  @AfterEach
  void stop() {
    feeds.close();
    x.close();
  }

  private Path config(int backfill) throws Exception {
    return Files.writeString(
        dir.resolve("paperboy.conf"),
        TestConfig.h2(dir.resolve("db"))
            + TestConfig.labAccount(
                x,
                """
                min-spacing = 0s
                max-per-day = 1000
                retry { initial-delay = 1s, max-delay = 2s, max-attempts = 8 }
                """)
            + "paperboy.feeds.pubmed { url = \"%s\", account = lab, backfill = %d, schedule = 1h }\n"
                .formatted(feeds.url("/pubmed.xml"), backfill));
  }

  @Test
  void everyThirdPostAnsweredWithSilenceIsLookedUpAndEveryPaperIsOnXOnce() throws Exception {
    Set<String> expected = PaperIdentities.expected(FEED);
    x.dropAnswerEvery(3);

    try (Engine engine = TestPaperboy.open(config(100))) {
      engine.start();
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> x.tweets().size() >= expected.size());
      Thread.sleep(3000); // anything still to come would be a second post
    }

    assertThat(x.dropped()).as("answers dropped after X accepted the post").isGreaterThan(5);
    assertThat(postsPerPaper().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(postsPerPaper().values()).containsOnly(1);
  }

  @Test
  void aPostGoesOutWhenItFallsDueNotAtTheNextPeriodicTick() throws Exception {
    // X answers 503 to every third call, and after every fifth post refuses with 429 for four
    // seconds. Each retry and each pause's end is a wake of its own; the periodic dispatch is
    // every 30 seconds.
    x.failEvery(3, 503);
    x.rateLimitEvery(5, Duration.ofSeconds(4));
    Instant started = Instant.now();

    try (Engine engine = TestPaperboy.open(config(13))) {
      engine.start();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> x.tweets().size() >= 13);
    }

    assertThat(x.statuses()).contains(503, 429);
    List<Instant> posted = x.postedAt();
    assertThat(Duration.between(started, posted.get(12))).isLessThan(Duration.ofSeconds(60));
    for (int i = 1; i < posted.size(); i++) {
      // The longest wait a post has: a rate limit's four seconds, to the next whole second,
      // then a retry's second or two; never the half minute of a periodic tick.
      assertThat(Duration.between(posted.get(i - 1), posted.get(i)))
          .as("the wait before post %d", i + 1)
          .isLessThan(Duration.ofSeconds(12));
    }
    assertThat(postsPerPaper().values()).containsOnly(1);
  }

  private Map<String, Integer> postsPerPaper() {
    Map<String, Integer> posts = new HashMap<>();
    for (FakeXApi.Tweet tweet : x.tweets()) {
      posts.merge(PaperIdentities.of(tweet), 1, Integer::sum);
    }
    return posts;
  }
}

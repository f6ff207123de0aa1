package org.paperboy.platform.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Engine;
import org.paperboy.testing.FakeBluesky;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.PaperIdentities;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPaperboy;

/**
 * Exactly once is Paperboy's, not Bluesky's, through the whole service: against a PDS that drops
 * every third answer after keeping the record and fails every fifth create with a bare 500, whose
 * refresh tokens serve once and whose access tokens expire mid-run, each paper of two feeds (one in
 * English, one in Chinese, threaded) is on the account once; and the service logs in once, across a
 * restart.
 */
class BlueskyExactlyOnceTest {

  private static final String ENGLISH = "wrapped-med_pubmed-rss2.xml";
  private static final String CHINESE = "cnjournals_insect-taxonomy_chinese.xml";
  private static final Map<String, String> ENVIRONMENT = new HashMap<>(TestConfig.ENVIRONMENT);

  static {
    ENVIRONMENT.put("BLUESKY_LAB_APP_PASSWORD", TestAccount.APP_PASSWORD);
  }

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeBluesky pds;

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    feeds.serveFixture("/english.xml", ENGLISH);
    feeds.serveFixture("/chinese.xml", CHINESE);
    pds = new FakeBluesky(TestAccount.HANDLE, TestAccount.APP_PASSWORD);
    pds.refreshGrace(Duration.ZERO);
    pds.dropAnswerEvery(3);
    pds.failEvery(5, 500);
  }

  @AfterEach
  void stop() {
    feeds.close();
    pds.close();
  }

  @Test
  void everyPaperIsOnBlueskyOnceThroughLostAnswersFailuresExpiriesAndARestart() throws Exception {
    Set<String> english = PaperIdentities.expected(ENGLISH);
    Set<String> both = new HashSet<>(english);
    both.addAll(PaperIdentities.expected(CHINESE));

    run(config(false), english.size());
    pds.expireAccessTokens();
    run(config(true), both.size());

    assertThat(pds.dropped()).as("answers dropped after the PDS kept the record").isGreaterThan(5);
    assertThat(postsPerPaper().keySet()).containsExactlyInAnyOrderElementsOf(both);
    assertThat(postsPerPaper().values()).containsOnly(1);
    assertThat(pds.records())
        .anySatisfy(r -> assertThat(r.record().has("reply")).isTrue())
        .allSatisfy(r -> assertThat(r.record().path("langs").toString()).isEqualTo("[\"en\"]"));
    assertThat(pds.createSessionCalls()).as("logins, across the restart").isEqualTo(1);
    assertThat(pds.refreshes()).isPositive();
  }

  /** Runs the service until the PDS holds {@code papers} first posts, and a little longer. */
  private void run(Path config, int papers) throws Exception {
    try (Engine engine =
        TestPaperboy.open(
            TestPaperboy.loader(ENVIRONMENT).load(config),
            Clock.systemUTC(),
            new ByteArrayOutputStream())) {
      engine.start();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                pds.expireAccessTokens(); // every poll: tokens expire between posts
                assertThat(postsPerPaper()).hasSizeGreaterThanOrEqualTo(papers);
              });
      Thread.sleep(3000); // anything still to come would be a second post
    }
  }

  private Path config(boolean chinese) throws Exception {
    String config =
        TestConfig.h2(dir.resolve("db"))
            + """
            paperboy.accounts.lab {
              platform = bluesky
              service-url = "%s"
              identifier = "%s"
              app-password = ${BLUESKY_LAB_APP_PASSWORD}
              language = en
              min-spacing = 0s
              max-per-day = 1000
              retry { initial-delay = 1s, max-delay = 2s, max-attempts = 8 }
            }
            paperboy.feeds.english {
              url = "%s", account = lab, backfill = 100, schedule = 1h, thread = true
            }
            """
                .formatted(pds.baseUrl(), TestAccount.HANDLE, feeds.url("/english.xml"));
    if (chinese) {
      config +=
          "paperboy.feeds.chinese { url = \"%s\", account = lab, backfill = 100, schedule = 1h }\n"
              .formatted(feeds.url("/chinese.xml"));
    }
    return Files.writeString(dir.resolve("paperboy.conf"), config);
  }

  /** Each paper's first posts, by the identity the link card's link stands for. */
  private Map<String, Integer> postsPerPaper() {
    Map<String, Integer> posts = new HashMap<>();
    for (FakeBluesky.Created created : pds.records()) {
      JsonNode record = created.record();
      if (record.has("reply")) {
        continue;
      }
      String link = record.at("/embed/external/uri").asText();
      String paper =
          link.startsWith("https://doi.org/")
              ? "doi:"
                  + URLDecoder.decode(
                      link.substring("https://doi.org/".length()), StandardCharsets.UTF_8)
              : "link:" + link;
      posts.merge(paper, 1, Integer::sum);
    }
    return posts;
  }
}

package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Engine;
import org.paperboy.testing.FakeBluesky;
import org.paperboy.testing.FakeMastodon;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.PaperIdentities;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPaperboy;

/**
 * One feed announced on an X, a Mastodon and a Bluesky account at once: each account has its own
 * queue, pacing and history, each post is made for its platform, one platform's trouble holds back
 * no other, and each platform holds each paper exactly once, whatever answers go missing.
 */
class EveryPlatformTest {

  private static final String FEED = "wrapped-med_pubmed-rss2.xml";
  private static final String QUICK =
      """
      min-spacing = 0s
      max-per-day = 1000
      retry { initial-delay = 1s, max-delay = 2s, max-attempts = 30 }
      """;

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeXApi x;
  private FakeMastodon mastodon;
  private FakeBluesky bluesky;

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    feeds.serveFixture("/pubmed.xml", FEED);
    x = TestConfig.labX();
    x.acceptDuplicates();
    mastodon = TestConfig.labMastodon();
    bluesky = TestConfig.labBluesky();
  }

  @AfterEach
  void stop() {
    feeds.close();
    x.close();
    mastodon.close();
    bluesky.close();
  }

  private Path config(String xSettings, String feedSettings) throws Exception {
    return Files.writeString(
        dir.resolve("paperboy.conf"),
        TestConfig.h2(dir.resolve("db"))
            + TestConfig.labAccount(x, QUICK + xSettings)
            + TestConfig.mastodonAccount("lab-mastodon", mastodon, QUICK)
            + TestConfig.blueskyAccount("lab-bluesky", bluesky, QUICK)
            + """
              paperboy.feeds.pubmed {
                url = "%s"
                accounts = [lab, lab-mastodon, lab-bluesky]
                schedule = 1h
                %s
              }
              """
                .formatted(feeds.url("/pubmed.xml"), feedSettings));
  }

  @Test
  void eachPlatformHoldsEachPaperOnceWhileOneIsDownAndAnswersGoMissing() throws Exception {
    Set<String> expected = PaperIdentities.expected(FEED);
    x.dropAnswerEvery(4);
    bluesky.dropAnswerEvery(3);
    mastodon.dropAnswerEvery(3);
    mastodon.failEvery(1, 503);

    try (Engine engine = TestPaperboy.open(config("", "backfill = 100"))) {
      engine.start();
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  x.tweets().size() >= expected.size()
                      && bluesky.records().size() >= expected.size());
      assertThat(mastodon.statuses()).as("Mastodon is down, and held back no other").isEmpty();

      mastodon.stopFailing();
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> mastodon.statuses().size() >= expected.size());
      Thread.sleep(3000); // anything still to come would be a second post
    }

    assertThat(x.dropped() + bluesky.dropped() + mastodon.dropped()).isGreaterThan(15);
    assertThat(postsPerPaper(x.tweets(), PaperIdentities::of)).as("on X").isEqualTo(once(expected));
    assertThat(postsPerPaper(mastodon.statuses(), PaperIdentities::of))
        .as("on Mastodon")
        .isEqualTo(once(expected));
    assertThat(postsPerPaper(bluesky.records(), PaperIdentities::of))
        .as("on Bluesky")
        .isEqualTo(once(expected));
    assertThat(bluesky.createSessionCalls()).as("Bluesky logins").isEqualTo(1);
  }

  @Test
  void eachPlatformGetsThePostMadeForItsOwnCount() throws Exception {
    try (Engine engine = TestPaperboy.open(config("", "backfill = 5"))) {
      engine.start();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  x.tweets().size() == 5
                      && mastodon.statuses().size() == 5
                      && bluesky.records().size() == 5);
    }

    int longer = 0;
    for (int i = 0; i < 5; i++) {
      String onX = x.tweets().get(i).text();
      String onMastodon = mastodon.statuses().get(i).text();
      JsonNode onBluesky = bluesky.records().get(i).record();
      assertThat(onBluesky.path("embed").path("external").path("uri").asText())
          .as("Bluesky's link card")
          .startsWith("https://");
      if (onMastodon.length() > onX.length()) {
        longer++;
      }
    }
    assertThat(longer)
        .as("Mastodon's 500 characters keep summaries that X's 280 had to cut")
        .isPositive();
  }

  @Test
  void aThreadIsAReplyOnEveryPlatform() throws Exception {
    try (Engine engine = TestPaperboy.open(config("", "backfill = 1\nthread = true"))) {
      engine.start();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  x.tweets().size() == 2
                      && mastodon.statuses().size() == 2
                      && bluesky.records().size() == 2);
    }

    assertThat(x.tweets().get(1).inReplyTo()).isEqualTo(x.tweets().get(0).id());
    assertThat(mastodon.statuses().get(1).inReplyToId()).isEqualTo(mastodon.statuses().get(0).id());
    FakeBluesky.Created first = bluesky.records().get(0);
    JsonNode reply = bluesky.records().get(1).record().path("reply");
    for (String end : List.of("root", "parent")) {
      assertThat(reply.path(end).path("uri").asText()).as(end).isEqualTo(first.uri());
      assertThat(reply.path(end).path("cid").asText()).as(end).isEqualTo(first.cid());
    }
  }

  /** The composer is built at start, and measures with the instance's limits. */
  @Test
  void eachMastodonInstanceIsAskedForItsLimitsAsTheServiceStartsNotAtItsFirstPost()
      throws Exception {
    feeds.serve(
        "/pubmed.xml",
        "<rss version=\"2.0\"><channel><title>Nothing new</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8),
        "application/rss+xml");

    try (Engine engine = TestPaperboy.open(config("", ""))) {
      engine.start();
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> mastodon.requests("GET /api/v2/instance") == 1);
    }

    assertThat(mastodon.statuses()).isEmpty();
    assertThat(feeds.requests("/pubmed.xml")).as("a feed with nothing to compose").isNotEmpty();
  }

  @Test
  void aMonthsBudgetThatBuysFiveLinkedPostsStopsXAtFiveWhileMastodonPostsThemAll()
      throws Exception {
    Set<String> expected = PaperIdentities.expected(FEED);
    Path config =
        config("budget { per-month = 1.00, price-per-post-with-link = 0.20 }", "backfill = 100");
    Files.writeString(config, "paperboy.http { port = 0 }\n", StandardOpenOption.APPEND);

    try (Engine engine = TestPaperboy.open(config)) {
      engine.start();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> mastodon.statuses().size() >= expected.size() && x.tweets().size() >= 5);
      Thread.sleep(2000); // a sixth post on X would be over the budget
      HttpResponse<String> metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + engine.httpPort().orElseThrow() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body()).contains("paperboy_budget_spent_dollars{account=\"lab\"} 1.0");
    }

    assertThat(x.tweets()).as("five posts at 0.20 fit 1.00 exactly").hasSize(5);
    assertThat(mastodon.statuses()).hasSize(expected.size());
    assertThat(bluesky.records()).hasSize(expected.size());

    assertThat(paperboy("queue", "list", "--config", config.toString()))
        .contains("waits for the next billing cycle")
        .contains("it costs $0.20 and $1.00 of the budget's $1.00 is spent");
    assertThat(paperboy("feeds", "--config", config.toString()))
        .contains("account lab has spent $1.00 of $1.00 this cycle");
    assertThat(paperboy("history", "--config", config.toString()))
        .contains("BUDGET: account lab has spent $1.00 of $1.00 this cycle");
  }

  /** What the command line {@code args} prints, once it has exited 0. */
  private static String paperboy(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Paperboy.execute(
            args,
            TestConfig.ENVIRONMENT,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, Integer> once(Set<String> papers) {
    Map<String, Integer> once = new HashMap<>();
    papers.forEach(paper -> once.put(paper, 1));
    return once;
  }

  private static <T> Map<String, Integer> postsPerPaper(List<T> posts, Function<T, String> paper) {
    Map<String, Integer> counts = new HashMap<>();
    for (T post : posts) {
      counts.merge(paper.apply(post), 1, Integer::sum);
    }
    return counts;
  }
}

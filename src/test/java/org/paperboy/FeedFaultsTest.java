package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Engine;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.pipeline.PollReport;
import org.paperboy.store.Database;
import org.paperboy.store.FeedState;
import org.paperboy.store.JdbcFeedStore;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.Fixtures;
import org.paperboy.testing.MutableClock;
import org.paperboy.testing.TestPaperboy;

/**
 * A feed server that misbehaves in every way real ones do: each fault is one clear log line naming
 * the feed and the cause, counts against that feed alone, and backs its polling off; the other
 * feeds go on.
 */
class FeedFaultsTest {

  private static final String XXE =
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
          + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
  private static final String BILLION_LAUGHS =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
          + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
          + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
          + "<rss version=\"2.0\"><channel><title>&lol3;</title></channel></rss>";

  @TempDir Path dir;
  private FeedServer server;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PaperboyConfig config;
  private String databaseUrl;

  @BeforeEach
  void start() throws Exception {
    server = new FeedServer();
    server.serve(
        "/good.xml",
        Fixtures.feedBytes("med_plos_ploscompbiol_atom_2025-04_reserialized.xml"),
        "application/atom+xml");
    server.route(
        "/slow.xml",
        exchange -> {
          sleep(3000);
          exchange.sendResponseHeaders(200, -1);
        });
    server.route("/missing.xml", exchange -> exchange.sendResponseHeaders(404, -1));
    server.route(
        "/busy.xml",
        exchange -> {
          exchange.getResponseHeaders().add("Retry-After", "600");
          exchange.sendResponseHeaders(503, -1);
        });
    server.route(
        "/loop.xml",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/loop.xml");
          exchange.sendResponseHeaders(302, -1);
        });
    server.serve(
        "/captcha.xml",
        Fixtures.pageBytes("oup_captcha-challenge_instead-of-feed.html"),
        "text/html");
    server.serve(
        "/truncated.xml",
        Fixtures.feedText("mdpi_fluids.xml").substring(0, 900).getBytes(StandardCharsets.UTF_8),
        "application/xml");
    server.route(
        "/huge.xml",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write("<rss><channel>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 400; i++) {
              body.write(new byte[1024]);
            }
          } catch (IOException hungUp) {
            // the fetcher stopped reading at its cap
          }
        });
    server.serve("/xxe.xml", XXE.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
    // What servers send for an empty or broken feed; ROME meets it with a NullPointerException.
    server.serve(
        "/nochannel.xml",
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n</rss>\n".getBytes(StandardCharsets.UTF_8),
        "application/rss+xml");
    server.serve(
        "/laughs.xml", BILLION_LAUGHS.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
    server.serve(
        "/latin1.xml",
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Caf\u00e9 study</title><link>https://example.org/cafe</link></item></channel></rss>")
            .getBytes(StandardCharsets.ISO_8859_1),
        "application/rss+xml");
    server.serve(
        "/control.xml",
        ("<rss version=\"2.0\"><channel><title>t</title><item><title>A\u0001 study\u000B of sepsis</title>"
                + "<link>https://example.org/c</link></item></channel></rss>")
            .getBytes(StandardCharsets.UTF_8),
        "application/rss+xml");
    databaseUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    StringBuilder feeds = new StringBuilder();
    for (String id :
        new String[] {
          "good",
          "slow",
          "missing",
          "busy",
          "loop",
          "captcha",
          "truncated",
          "huge",
          "xxe",
          "nochannel",
          "laughs",
          "latin1",
          "control"
        }) {
      feeds
          .append("paperboy.feeds.")
          .append(id)
          .append(" { url = \"")
          .append(server.url("/" + id + ".xml"))
          .append("\", account = demo, backfill = 5 }\n");
    }
    Path file = dir.resolve("faults.conf");
    Files.writeString(
        file,
        """
        paperboy.database.url = "%s"
        paperboy.fetch { read-timeout = 1s, connect-timeout = 1s, max-body-size = 200KiB }
        paperboy.accounts.demo { platform = console, min-spacing = 0s }
        %s
        """
            .formatted(databaseUrl, feeds));
    config = TestPaperboy.loader(Map.of()).load(file);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Map<String, PollReport> cycle() {
    try (Engine engine = TestPaperboy.open(config, clock, out)) {
      return engine.once().polls().stream()
          .collect(Collectors.toMap(PollReport::feedId, Function.identity()));
    }
  }

  private FeedState state(String feedId) {
    try (Database database = Database.open(databaseUrl, "", "")) {
      return new JdbcFeedStore(database.dataSource()).state(feedId);
    }
  }

  @Test
  void eachFaultIsOneLineNamingTheFeedAndTheCauseAndTheOthersGoOn() {
    Map<String, PollReport> polls;
    String logs;
    try (CapturedLogs captured = CapturedLogs.start()) {
      polls = cycle();
      logs = captured.text();
    }

    Map<String, String> causes =
        Map.of(
            "slow", "timed out after 1s: " + server.url("/slow.xml"),
            "missing", "HTTP 404 from " + server.url("/missing.xml"),
            "busy", "HTTP 503 from " + server.url("/busy.xml"),
            "loop", "too many redirects (HTTP 302) from " + server.url("/loop.xml"),
            "captcha", server.url("/captcha.xml") + " served an HTML page, not a feed",
            "truncated", server.url("/truncated.xml") + " is not a readable feed",
            "huge", "larger than 204800 bytes",
            "xxe", server.url("/xxe.xml") + " is not a readable feed",
            "nochannel",
                server.url("/nochannel.xml")
                    + " is not a readable feed: an <rss> document without a <channel>",
            "laughs", server.url("/laughs.xml") + " is not a readable feed");
    causes.forEach(
        (feed, cause) -> {
          assertThat(polls.get(feed).error()).as(feed).contains(cause);
          assertThat(logs.lines().filter(l -> l.contains("feed " + feed + ": ")).toList())
              .as(feed)
              .hasSize(1)
              .allSatisfy(
                  l ->
                      assertThat(l)
                          .startsWith("WARN")
                          .contains(cause)
                          .contains("1 failure in a row"));
          assertThat(state(feed).errorCount()).as(feed).isEqualTo(1);
        });
    assertThat(logs).doesNotContain("root:x:0:0");
    assertThat(polls.get("good").failed()).isFalse();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Dynamic brain connectivity");
  }

  @Test
  void aWrongCharsetOrForbiddenCharactersAreMendedWithAWarningAndThePapersKept() {
    String logs;
    try (CapturedLogs captured = CapturedLogs.start()) {
      Map<String, PollReport> polls = cycle();
      assertThat(polls.get("latin1").failed()).isFalse();
      assertThat(polls.get("control").failed()).isFalse();
      logs = captured.text();
    }

    assertThat(logs)
        .contains(
            "feed latin1: "
                + server.url("/latin1.xml")
                + ": bytes that are not UTF-8 were read as windows-1252");
    assertThat(logs)
        .contains(
            "feed control: "
                + server.url("/control.xml")
                + ": 2 characters that XML forbids were dropped");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Café study")
        .doesNotContain("\uFFFD")
        .contains("A study of sepsis");
  }

  @Test
  void aFailingFeedBacksOffGrowinglyHonoursRetryAfterAndRecovers() {
    cycle();
    assertThat(state("missing").nextPollAt())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(state("busy").nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    int requests = server.requests("/missing.xml").size();

    cycle();
    assertThat(server.requests("/missing.xml"))
        .as("not polled before its backoff ends")
        .hasSize(requests);

    clock.advance(Duration.ofSeconds(61));
    cycle();
    assertThat(state("missing").errorCount()).isEqualTo(2);
    assertThat(state("missing").nextPollAt())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

    server.serve("/missing.xml", Fixtures.feedBytes("mdpi_fluids.xml"), "application/rdf+xml");
    clock.advance(Duration.ofMinutes(3));
    cycle();
    assertThat(state("missing").errorCount()).isZero();
    assertThat(state("missing").nextPollAt()).isNull();
  }

  @Test
  void aFeedIsNotPolledAgainBeforeItsMaxAgeHasPassed() {
    byte[] feed = Fixtures.feedBytes("mdpi_fluids.xml");
    server.route(
        "/good.xml",
        exchange -> {
          exchange.getResponseHeaders().add("Cache-Control", "max-age=600");
          exchange.sendResponseHeaders(200, feed.length);
          exchange.getResponseBody().write(feed);
        });

    cycle();
    clock.advance(Duration.ofMinutes(9));
    cycle();
    assertThat(server.requests("/good.xml")).hasSize(1);

    clock.advance(Duration.ofMinutes(2));
    cycle();
    assertThat(server.requests("/good.xml")).hasSize(2);
  }

  @Test
  void aFeedFailingFiveTimesInARowIsFlaggedNotDropped() {
    String logs;
    try (CapturedLogs captured = CapturedLogs.start()) {
      for (int i = 0; i < 5; i++) {
        cycle();
        clock.advance(Duration.ofHours(7));
      }
      logs = captured.text();
    }

    assertThat(
            logs.lines()
                .filter(
                    l ->
                        l.startsWith("ERROR")
                            && l.contains("feed missing is failing: 5 polls in a row")))
        .hasSize(1);
    assertThat(server.requests("/missing.xml")).hasSize(5);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

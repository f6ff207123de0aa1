package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.ConfigWatcher;
import org.paperboy.cli.Engine;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPaperboy;

/** The maintainers' commands as a user runs them, against a database a real run filled. */
class OperationsTest {

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeXApi x;
  private Path config;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    x = TestConfig.labX();
    feeds.serveFixture("/plos.xml", "med_plos_ploscompbiol_atom_2025-04_reserialized.xml");
    feeds.serveFixture("/bmc.xml", "med_bmc_bmc-bioinformatics_rss2_2025-04_trimmed.xml");
    config = dir.resolve("paperboy.conf");
    writeConfig("");
  }

  private void writeConfig(String extra) throws Exception {
    Files.writeString(
        config,
        TestConfig.h2(dir.resolve("db"))
            + TestConfig.labAccount(x, "min-spacing = 0s\napproval = true")
            + """
            paperboy {
              feeds.plos { url = "%s", account = lab, backfill = 2, schedule = 1s }
              %s
            }
            """
                .formatted(feeds.url("/plos.xml"), extra));
  }

  @AfterEach
  void stop() {
    feeds.close();
    x.close();
  }

  private int paperboy(String... args) {
    out.reset();
    err.reset();
    return Paperboy.execute(
        args,
        TestConfig.ENVIRONMENT,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void approvalHoldsPostsUntilAMaintainerApprovesThem() {
    paperboy("once", "--config", config.toString());
    assertThat(x.tweets()).isEmpty();

    assertThat(
            paperboy(
                "queue", "list", "--config", config.toString(), "--state", "awaiting-approval"))
        .isZero();
    assertThat(stdout())
        .contains("awaiting approval  lab from plos")
        .contains("Biases in neural population codes");
    Matcher first =
        Pattern.compile("^(\\d+)  awaiting approval", Pattern.MULTILINE).matcher(stdout());
    assertThat(first.find()).isTrue();

    assertThat(paperboy("queue", "approve", first.group(1), "--config", config.toString()))
        .isZero();
    assertThat(stdout()).isEqualTo("approved 1 post\n");
    paperboy("once", "--config", config.toString());
    assertThat(x.tweets()).hasSize(1);

    assertThat(paperboy("queue", "approve", "--all", "--config", config.toString())).isZero();
    paperboy("once", "--config", config.toString());
    assertThat(x.tweets()).hasSize(2);
  }

  @Test
  void dropAndRetryAPost() {
    paperboy("once", "--config", config.toString());
    paperboy("queue", "list", "--config", config.toString());
    Matcher id = Pattern.compile("^(\\d+)  awaiting approval", Pattern.MULTILINE).matcher(stdout());
    assertThat(id.find()).isTrue();

    assertThat(paperboy("queue", "drop", id.group(1), "--config", config.toString())).isZero();
    paperboy("queue", "list", "--config", config.toString(), "--state", "failed");
    assertThat(stdout()).contains(id.group(1) + "  failed").contains("(dropped by a maintainer)");

    assertThat(paperboy("queue", "retry", id.group(1), "--config", config.toString())).isZero();
    paperboy("queue", "list", "--config", config.toString(), "--state", "queued");
    assertThat(stdout()).contains(id.group(1) + "  queued");

    assertThat(paperboy("queue", "drop", "999", "--config", config.toString())).isEqualTo(1);
    assertThat(paperboy("queue", "list", "--config", config.toString(), "--state", "lost"))
        .isEqualTo(2);
  }

  @Test
  void feedsShowsEachFeedsStateAndFlagsFailingOnes() throws Exception {
    writeConfig(
        "feeds.gone { url = \""
            + feeds.url("/gone.xml")
            + "\", account = lab }\nfeeds.new { url = \""
            + feeds.url("/bmc.xml")
            + "\", account = lab }");
    paperboy("once", "--config", config.toString());
    writeConfig(
        "feeds.gone { url = \""
            + feeds.url("/gone.xml")
            + "\", account = lab }\nfeeds.later { url = \""
            + feeds.url("/bmc.xml")
            + "\", account = lab }");

    assertThat(paperboy("feeds", "--config", config.toString())).isZero();

    assertThat(stdout())
        .containsPattern(
            "plos  "
                + Pattern.quote(feeds.url("/plos.xml").toString())
                + "\n    last poll \\ds ago: 4 entries, 4 new, 2 queued"
                + "\n    papers seen 4, last new \\ds ago, next poll when the service runs \\(every 1s\\)")
        .containsPattern(
            "gone  "
                + Pattern.quote(feeds.url("/gone.xml").toString())
                + "\n    last poll \\ds ago: failed: HTTP 404 from "
                + Pattern.quote(feeds.url("/gone.xml").toString())
                + "\n    papers seen 0, last new never, next poll in \\d+s\n    FAILING: 1 polls in a row")
        .contains("later  " + feeds.url("/bmc.xml") + "\n    never polled")
        .contains("new  " + feeds.url("/bmc.xml") + "\n    no longer in " + config);
  }

  @Test
  void historyListsThePostsMadeWithTheirLinks() {
    paperboy("once", "--config", config.toString());
    paperboy("queue", "approve", "--all", "--config", config.toString());
    paperboy("once", "--config", config.toString());

    assertThat(
            paperboy("history", "--config", config.toString(), "--since", "1h", "--account", "lab"))
        .isZero();

    assertThat(stdout())
        .contains("lab  https://x.com/i/web/status/" + x.tweets().get(0).id())
        .contains("    Biases in neural population codes");
    assertThat(paperboy("history", "--config", config.toString(), "--since", "soon")).isEqualTo(2);
  }

  @Test
  void importsAFeedReadersOpmlAsCheckedFeedBlocks() throws Exception {
    Path opml = dir.resolve("subscriptions.opml");
    Files.writeString(
        opml,
        """
        <?xml version="1.0"?>
        <opml version="2.0"><head><title>My journals</title></head><body>
          <outline text="Medicine">
            <outline type="rss" text="The Lancet" title="The Lancet" xmlUrl="https://www.thelancet.com/rssfeed/lancet_current.xml"/>
            <outline type="rss" text="PLOS" xmlUrl="https://journals.plos.org/plosmedicine/feed/atom"/>
            <outline type="rss" title="plos" xmlUrl="https://journals.plos.org/plosone/feed/atom"/>
          </outline>
        </body></opml>
        """);
    Path imported = dir.resolve("imported.conf");

    assertThat(
            paperboy(
                "import-opml",
                opml.toString(),
                "--account",
                "lab",
                "--out",
                imported.toString(),
                "--config",
                config.toString()))
        .isZero();

    String written = Files.readString(imported);
    assertThat(written)
        .contains(
            "paperboy.feeds.the-lancet {\n  url = \"https://www.thelancet.com/rssfeed/lancet_current.xml\"\n  account = lab\n}")
        .contains("paperboy.feeds.plos-2 {")
        .contains("paperboy.feeds.plos-3 {");
    assertThat(stdout()).contains("3 feeds for account lab");
    assertThat(
            paperboy(
                "import-opml",
                opml.toString(),
                "--account",
                "nobody",
                "--out",
                dir.resolve("x.conf").toString(),
                "--config",
                config.toString()))
        .isEqualTo(2);
  }

  @Test
  void theServiceServesHealthAndMetricsAndSharesItsDatabaseWithMaintenance() throws Exception {
    writeConfig("http { port = 0 }");
    Clock clock = Clock.systemUTC();
    try (Engine engine =
        TestPaperboy.open(TestPaperboy.load(config), clock, new ByteArrayOutputStream())) {
      engine.start();
      int port = engine.httpPort().orElseThrow();
      HttpClient http = HttpClient.newHttpClient();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  get(http, port, "/metrics")
                      .body()
                      .contains("paperboy_queue_posts{state=\"awaiting_approval\"} 2.0"));

      HttpResponse<String> health = get(http, port, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"up\"}");
      Map<String, Double> metrics = parse(get(http, port, "/metrics").body());
      assertThat(metrics.get("paperboy_polls_total{feed=\"plos\"}")).isGreaterThanOrEqualTo(1.0);
      assertThat(metrics).containsEntry("paperboy_papers_seen_total{feed=\"plos\"}", 4.0);

      // While the service runs, a maintainer approves on the same embedded database.
      assertThat(paperboy("queue", "approve", "--all", "--config", config.toString())).isZero();
      assertThat(stdout()).isEqualTo("approved 2 posts\n");
      await().atMost(Duration.ofSeconds(45)).until(() -> x.tweets().size() == 2);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  parse(get(http, port, "/metrics").body())
                          .getOrDefault("paperboy_posts_sent_total{account=\"lab\"}", 0.0)
                      == 2.0);
      assertThat(parse(get(http, port, "/metrics").body()))
          .containsEntry("paperboy_x_rate_limit_remaining{account=\"lab\"}", 99.0);
    }
  }

  @Test
  void aValidEditTakesEffectWithoutARestartAndAnInvalidOneIsReportedAndIgnored() throws Exception {
    ConfigLoader loader = TestPaperboy.loader();
    PaperboyConfig initial = loader.load(config);
    try (CapturedLogs logs = CapturedLogs.start();
        Engine engine = TestPaperboy.open(initial)) {
      engine.start();
      ConfigWatcher watcher = new ConfigWatcher(initial, loader, engine, Duration.ofMillis(200));
      try {
        writeConfig(
            "feeds.bmc { url = \""
                + feeds.url("/bmc.xml")
                + "\", account = lab, backfill = 1, schedule = 1s }");
        await().atMost(Duration.ofSeconds(15)).until(() -> !feeds.requests("/bmc.xml").isEmpty());
        await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> logs.text().contains("config reloaded: 1 accounts, 2 feeds"));

        Files.writeString(
            config,
            Files.readString(config).replace("schedule = 1s", "schedule = \"every second\""));
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> logs.text().contains("the config in force stays in force"));
        assertThat(logs.text())
            .contains(
                "paperboy.feeds.plos.schedule: expected a duration such as 15m or a Quartz cron expression");
        int polls = feeds.requests("/plos.xml").size();
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> feeds.requests("/plos.xml").size() > polls);
      } finally {
        watcher.close();
      }
    }
  }

  @Test
  void healthSaysWhatIsWrongWhenTheSchedulerIsNotRunning() throws Exception {
    try (Engine engine = TestPaperboy.open(TestPaperboy.load(config))) {
      assertThat(((PaperboyEngine) engine).health().problem())
          .isEqualTo("the scheduler is not running");
      engine.start();
      assertThat(((PaperboyEngine) engine).health().up()).isTrue();
    }
  }

  @Test
  void aTemplateEditRewritesThePostsNotYetSent() throws Exception {
    paperboy("once", "--config", config.toString());
    ConfigLoader loader = TestPaperboy.loader();
    PaperboyConfig initial = loader.load(config);
    try (Engine engine = TestPaperboy.open(initial)) {
      engine.start();
      ConfigWatcher watcher = new ConfigWatcher(initial, loader, engine, Duration.ofMillis(200));
      try {
        Files.writeString(
            config,
            Files.readString(config)
                .replace(
                    "backfill = 2, schedule = 1s",
                    "backfill = 2, schedule = 1s, template = \"New: {title} {link} {hashtags}\", hashtags = [CompBio]"));
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> {
                  paperboy("queue", "list", "--config", config.toString());
                  return stdout()
                      .contains(
                          "    New: Biases in neural population codes with a few active neurons https://doi.org/10.1371/journal.pcbi.1012969 #CompBio");
                });
      } finally {
        watcher.close();
      }
    }
  }

  @Test
  void aPostLeftUnknownIsListedFlaggedAndCountedUntilAMaintainersRetryLooksAgain()
      throws Exception {
    Files.writeString(
        config,
        TestConfig.h2(dir.resolve("db"))
            + TestConfig.labAccount(x, "min-spacing = 0s\nretry { max-attempts = 1 }")
            + "paperboy.feeds.plos { url = \"%s\", account = lab, backfill = 1, schedule = 1h }\n"
                .formatted(feeds.url("/plos.xml"))
            + "paperboy.http { port = 0 }\n");
    // The post goes out and no answer comes; X cannot be asked whether it got it.
    x.acceptDuplicates();
    x.thenAnswer(FakeXApi.Answer.DROPPED);
    x.failLookups(503);
    paperboy("once", "--config", config.toString());

    assertThat(paperboy("queue", "list", "--config", config.toString(), "--state", "unknown"))
        .isZero();
    Matcher unknown = Pattern.compile("^(\\d+)  unknown", Pattern.MULTILINE).matcher(stdout());
    assertThat(unknown.find()).as(stdout()).isTrue();
    assertThat(stdout()).contains("no answer");
    paperboy("feeds", "--config", config.toString());
    assertThat(stdout())
        .contains(
            "NEEDS A LOOK: account lab has 1 post that may be on its platform, retries spent;"
                + " see paperboy queue list --state unknown");
    try (Engine engine =
        TestPaperboy.open(
            TestPaperboy.load(config), Clock.systemUTC(), new ByteArrayOutputStream())) {
      engine.start();
      int port = engine.httpPort().orElseThrow();
      HttpClient http = HttpClient.newHttpClient();
      assertThat(parse(get(http, port, "/metrics").body()))
          .containsEntry("paperboy_posts_needing_a_look", 1.0);
      assertThat(get(http, port, "/health").body())
          .contains("account lab: 1 post may be on the platform with retries spent");
    }
    assertThat(x.tweets()).isEmpty();

    // X answers again: the maintainer's retry looks, finds nothing, and sends it once.
    x.failLookups(0);
    assertThat(paperboy("queue", "retry", unknown.group(1), "--config", config.toString()))
        .isZero();
    paperboy("once", "--config", config.toString());
    assertThat(x.tweets()).hasSize(1);
    paperboy("queue", "list", "--config", config.toString(), "--state", "unknown");
    assertThat(stdout()).doesNotContain("  unknown");
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Prometheus's text format: "name{labels} value" lines, comments skipped. */
  private static Map<String, Double> parse(String exposition) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }
}

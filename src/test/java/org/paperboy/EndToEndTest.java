package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Engine;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.Fixtures;
import org.paperboy.testing.MutableClock;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPaperboy;

/** Paperboy's command line against a feed server and a fake X API, both on 127.0.0.1. */
class EndToEndTest {

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
    URI plos =
        feeds.serveFixture("/plos.xml", "med_plos_ploscompbiol_atom_2025-04_reserialized.xml");
    URI bmc = feeds.serveFixture("/bmc.xml", "med_bmc_bmc-bioinformatics_rss2_2025-04_trimmed.xml");
    config = dir.resolve("paperboy.conf");
    Files.writeString(
        config,
        TestConfig.h2(dir.resolve("db"))
            + TestConfig.labAccount(x, "min-spacing = 0s\nmax-per-day = 100")
            + """
            paperboy.feeds.plos { url = "%s", account = lab, backfill = 2, hashtags = [CompBio] }
            paperboy.feeds.bmc { url = "%s", account = lab, backfill = 1, template = "{title} {link} {hashtags}", hashtags = [MedEd] }
            """
                .formatted(plos, bmc));
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
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static final String NEW_ENTRIES =
      """
      <entry>
      <title>Early warning scores for sepsis in the emergency department</title>
      <link href="https://journals.plos.org/ploscompbiol/article?id=10.1371/journal.pcbi.9000001" rel="alternate"/>
      <author><name>Ada Lovelace</name></author>
      <id>10.1371/journal.pcbi.9000001</id>
      <updated>2025-04-12T14:00:00Z</updated>
      <published>2025-04-12T14:00:00Z</published>
      <content type="html">&lt;p&gt;Early warning scores found sepsis sooner.&lt;/p&gt;</content>
      </entry>
      <entry>
      <title>Simulation teaching for junior doctors</title>
      <link href="https://journals.plos.org/ploscompbiol/article?id=10.1371/journal.pcbi.9000002" rel="alternate"/>
      <author><name>Grace Hopper</name></author>
      <id>10.1371/journal.pcbi.9000002</id>
      <updated>2025-04-12T15:00:00Z</updated>
      <published>2025-04-12T15:00:00Z</published>
      <content type="html">&lt;p&gt;Simulation &amp;amp; debriefing improved confidence.&lt;/p&gt;</content>
      </entry>
      </feed>
      """;

  @Test
  void postsTheBackfillThenNothingThenExactlyWhatIsNew() throws Exception {
    assertThat(paperboy("once", "--config", config.toString())).isZero();

    // The newest `backfill` entries of each feed, oldest first, each as the template says; an
    // unstructured abstract is summarised by the sentence that states its conclusion.
    assertThat(x.tweets())
        .extracting(FakeXApi.Tweet::text)
        .containsExactly(
            "DTreePred: an online viewer based on machine learning for pathogenicity prediction of"
                + " genomic variants https://doi.org/10.1186/s12859-025-06113-4 #MedEd",
            "Biases in neural population codes with a few active neurons\nThroughout the brain"
                + " information is coded in the activity of multiple neurons at once, so called"
                + " population codes. Population codes are a robust and accurate way of coding"
                + " information. https://doi.org/10.1371/journal.pcbi.1012969 #CompBio",
            "Dynamic brain connectivity predicts emotional arousal during naturalistic"
                + " movie-watching\nOur findings reveal a generalizable representation of emotional"
                + " arousal embedded in patterns of dynamic functional connectivity, suggesting a"
                + " common… https://doi.org/10.1371/journal.pcbi.1012994 #CompBio");

    assertThat(paperboy("once", "--config", config.toString())).isZero();
    assertThat(x.tweets()).hasSize(3);
    assertThat(feeds.requests("/plos.xml").get(1).header("If-None-Match")).isNotNull();

    String plos = Fixtures.feedText("med_plos_ploscompbiol_atom_2025-04_reserialized.xml");
    feeds.serve(
        "/plos.xml",
        plos.replace("</feed>", NEW_ENTRIES).getBytes(StandardCharsets.UTF_8),
        "application/atom+xml");
    assertThat(paperboy("once", "--config", config.toString())).isZero();

    assertThat(x.tweets())
        .extracting(FakeXApi.Tweet::text)
        .hasSize(5)
        .endsWith(
            "Early warning scores for sepsis in the emergency department\nEarly warning scores found"
                + " sepsis sooner. https://doi.org/10.1371/journal.pcbi.9000001 #CompBio",
            "Simulation teaching for junior doctors\nSimulation & debriefing improved confidence."
                + " https://doi.org/10.1371/journal.pcbi.9000002 #CompBio");
    assertThat(x.statuses()).containsOnly(201);
  }

  @Test
  void aThreadWhoseReplyFailedResumesWithTheReplyAlone() throws Exception {
    Files.writeString(
        config,
        Files.readString(config)
            .replace("feeds.plos { url", "feeds.plos { thread = true, url")
            .replace("backfill = 2", "backfill = 1")
            .replace("backfill = 1, template", "backfill = 0, template"));
    PaperboyConfig valid = TestPaperboy.load(config);
    MutableClock clock = new MutableClock(Instant.now());
    x.thenAnswer(FakeXApi.Answer.AS_USUAL);
    x.thenAnswer(new FakeXApi.Answer(503, "{\"title\":\"Service Unavailable\"}", Map.of()));

    try (Engine engine = TestPaperboy.open(valid, clock, out)) {
      engine.once();
    }
    clock.advance(Duration.ofHours(2));
    try (Engine engine = TestPaperboy.open(valid, clock, out)) {
      engine.once();
    }

    assertThat(x.statuses()).containsExactly(201, 503, 201);
    assertThat(x.tweets()).hasSize(2);
    assertThat(x.tweets().get(1).inReplyTo()).isEqualTo(x.tweets().get(0).id());
  }

  @Test
  void aThreadedFeedPostsTheSummaryAsAReplyToTheTitle() throws Exception {
    String threaded =
        Files.readString(config).replace("feeds.plos { url", "feeds.plos { thread = true, url");
    Files.writeString(config, threaded);

    assertThat(paperboy("once", "--config", config.toString())).isZero();

    FakeXApi.Tweet title = x.tweets().get(1);
    FakeXApi.Tweet reply = x.tweets().get(2);
    assertThat(title.text())
        .isEqualTo(
            "Biases in neural population codes with a few active neurons"
                + "\nhttps://doi.org/10.1371/journal.pcbi.1012969 #CompBio");
    assertThat(reply.inReplyTo()).isEqualTo(title.id());
    assertThat(reply.text()).startsWith("Throughout the brain information is coded");
  }

  @Test
  void neverPrintsOrLogsTheSecrets() {
    try (CapturedLogs logs = CapturedLogs.start()) {
      paperboy("once", "--config", config.toString());
      paperboy("validate", "--config", config.toString());

      String printed =
          out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8) + logs.text();
      assertThat(logs.text()).contains("posted");
      assertThat(printed)
          .doesNotContain(TestConfig.CONSUMER_SECRET, TestConfig.ACCESS_TOKEN_SECRET);
    }
  }

  @Test
  void aBrokenFeedFailsAloneAndTheOthersGoOn() throws Exception {
    feeds.serve(
        "/bmc.xml", Fixtures.pageBytes("oup_captcha-challenge_instead-of-feed.html"), "text/html");

    assertThat(paperboy("once", "--config", config.toString())).isEqualTo(1);

    assertThat(x.tweets()).hasSize(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "paperboy: feed bmc: " + feeds.url("/bmc.xml") + " served an HTML page, not a feed");
  }

  @Test
  void refusedCredentialsKeepTheQueueUntilTheyAreFixed() throws Exception {
    Map<String, String> wrong = new HashMap<>(TestConfig.ENVIRONMENT);
    wrong.put("X_LAB_CONSUMER_SECRET", "not-the-secret");

    int code =
        Paperboy.execute(
            new String[] {"once", "--config", config.toString()},
            wrong,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(1);
    assertThat(x.tweets()).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("account lab: X answered 401: bad signature; check the account's keys")
        .doesNotContain("not-the-secret");
  }
}

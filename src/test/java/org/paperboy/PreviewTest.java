package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twitter.twittertext.TwitterTextParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.FakeBluesky;
import org.paperboy.testing.FakeMastodon;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPictures;

/** {@code paperboy preview}: exactly what once would post, and why the rest would not be. */
class PreviewTest {

  // A PubMed search that finds one paper the PLOS feed has too, and a correction notice.
  private static final String PUBMED =
      """
      <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>pubmed</title>
        <item><title>Dynamic brain connectivity predicts emotional arousal</title>
          <link>https://pubmed.ncbi.nlm.nih.gov/40000001/?utm_source=x</link>
          <guid>pubmed:40000001</guid><dc:identifier>doi:10.1371/journal.pcbi.1012994</dc:identifier>
          <pubDate>Fri, 11 Apr 2025 15:00:00 GMT</pubDate></item>
        <item><title>Correction to: Early care in sepsis</title>
          <link>https://pubmed.ncbi.nlm.nih.gov/40000002/</link><guid>pubmed:40000002</guid>
          <pubDate>Sat, 12 Apr 2025 15:00:00 GMT</pubDate></item>
        <item><title>Sepsis bundles in the emergency department</title>
          <link>https://pubmed.ncbi.nlm.nih.gov/40000003/</link><guid>pubmed:40000003</guid>
          <description>Bundles saved lives in 31 hospitals.</description>
          <pubDate>Sun, 13 Apr 2025 15:00:00 GMT</pubDate></item>
      </channel></rss>
      """;

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
    feeds.serve("/pubmed.xml", PUBMED.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
    URI pubmed = feeds.url("/pubmed.xml");
    config = dir.resolve("paperboy.conf");
    Files.writeString(
        config,
        TestConfig.h2(dir.resolve("db"))
            + TestConfig.labAccount(x, "min-spacing = 0s")
            + """
            paperboy.feeds.plos { url = "%s", account = lab, backfill = 2, hashtags = [CompBio] }
            paperboy.feeds.pubmed { url = "%s", account = lab, backfill = 3, hashtags = [MedEd] }
            """
                .formatted(plos, pubmed));
  }

  @AfterEach
  void stop() {
    feeds.close();
    x.close();
  }

  private int paperboy(String... args) {
    out.reset();
    return Paperboy.execute(
        args,
        TestConfig.ENVIRONMENT,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<JsonNode> jsonLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(new ObjectMapper().readTree(line));
      }
    }
    return lines;
  }

  @Test
  void printsExactlyWhatOnceThenPostsAndRecordsNothing() throws Exception {
    assertThat(paperboy("preview", "--config", config.toString(), "--json")).isZero();
    List<String> previewed = jsonLines().stream().map(j -> j.get("text").asText()).toList();
    assertThat(paperboy("preview", "--config", config.toString(), "--json")).isZero();
    assertThat(jsonLines()).hasSize(previewed.size());

    assertThat(paperboy("once", "--config", config.toString())).isZero();

    assertThat(previewed).hasSize(3);
    assertThat(x.tweets())
        .extracting(FakeXApi.Tweet::text)
        .containsExactlyInAnyOrderElementsOf(previewed);
  }

  @Test
  void jsonLinesCarryTheFieldsAndTheLengthByXsOwnCount() throws Exception {
    paperboy("preview", "--config", config.toString(), "--json", "--feed", "plos");

    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(2);
    for (JsonNode line : lines) {
      assertThat(line.get("feed").asText()).isEqualTo("plos");
      assertThat(line.get("guid").asText()).startsWith("10.1371/");
      assertThat(line.get("doi").asText()).isEqualTo(line.get("guid").asText());
      assertThat(line.get("title").asText()).isNotBlank();
      assertThat(line.get("link").asText()).startsWith("https://journals.plos.org/");
      assertThat(line.get("length").asInt())
          .isEqualTo(TwitterTextParser.parseTweet(line.get("text").asText()).weightedLength);
    }
  }

  @Test
  void explainSaysWhyEachOtherEntryWouldNotBePosted() throws Exception {
    paperboy("preview", "--config", config.toString(), "--explain");
    String first = out.toString(StandardCharsets.UTF_8);

    assertThat(first)
        .contains(
            "✗ 10.1371/journal.pcbi.1012900: first poll: older than the newest 2 (backfill), recorded as seen")
        .contains(
            "✗ pubmed:40000002: filtered: a notice skipped by default (skip includes corrections)")
        .contains(
            "✗ pubmed:40000001: same DOI as a paper of feed plos in this cycle (doi:10.1371/journal.pcbi.1012994)")
        .contains(
            "Sepsis bundles in the emergency department\nBundles saved lives in 31 hospitals.");

    paperboy("once", "--config", config.toString());
    paperboy("preview", "--config", config.toString(), "--explain", "--feed", "pubmed");

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("✗ pubmed:40000003: already seen in this feed")
        .doesNotContain("Bundles saved lives");
  }

  @Test
  void aPaperAnEarlierFeedPostsIsRecordedByEveryLaterListingAsOnceWouldRecordIt() throws Exception {
    // Feeds are previewed two at a time, yet each is judged after the ones before it: here a
    // third feed lists the paper the first posts twice, under two ids of its own.
    feeds.serve(
        "/club.xml",
        """
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>club</title>
          <item><title>Dynamic brain connectivity predicts emotional arousal</title>
            <link>https://club.example/1</link><guid>club:1</guid>
            <dc:identifier>doi:10.1371/journal.pcbi.1012994</dc:identifier></item>
          <item><title>Dynamic brain connectivity predicts emotional arousal (again)</title>
            <link>https://club.example/2</link><guid>club:2</guid>
            <dc:identifier>doi:10.1371/journal.pcbi.1012994</dc:identifier></item>
        </channel></rss>
        """
            .getBytes(StandardCharsets.UTF_8),
        "application/rss+xml");
    Files.writeString(
        config,
        "paperboy.feeds.club { url = \"%s\", account = lab, backfill = 5 }\n"
            .formatted(feeds.url("/club.xml")),
        StandardOpenOption.APPEND);

    paperboy("preview", "--config", config.toString(), "--explain");

    String sameAsPlos =
        ": same DOI as a paper of feed plos in this cycle (doi:10.1371/journal.pcbi.1012994)";
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("✗ pubmed:40000001" + sameAsPlos)
        .contains("✗ club:1" + sameAsPlos)
        .contains("✗ club:2" + sameAsPlos);
  }

  @Test
  void previewsAUrlNoFeedPollsYet() throws Exception {
    assertThat(
            paperboy(
                "preview",
                "--config",
                config.toString(),
                "--url",
                feeds.url("/pubmed.xml").toString(),
                "--feed",
                "plos"))
        .isZero();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("══ feed url ══")
        .contains("Sepsis bundles in the emergency department")
        .contains("#CompBio");
  }

  @Test
  void showsOnePostPerAccountEachFittedToItsPlatform() throws Exception {
    try (FakeMastodon mastodon = TestConfig.labMastodon();
        FakeBluesky bluesky = TestConfig.labBluesky()) {
      mastodon.maxCharacters(1000);
      Files.writeString(
          config,
          TestConfig.h2(dir.resolve("db"))
              + TestConfig.labAccount(x, "")
              + TestConfig.mastodonAccount("toots", mastodon, "")
              + TestConfig.blueskyAccount("skeets", bluesky, "")
              + """
              paperboy.feeds.plos {
                url = "%s", accounts = [lab, toots, skeets], backfill = 2, hashtags = [CompBio]
              }
              """
                  .formatted(feeds.url("/plos.xml")));

      assertThat(paperboy("preview", "--config", config.toString(), "--json"))
          .as(err.toString(StandardCharsets.UTF_8))
          .isZero();

      List<JsonNode> lines = jsonLines();
      assertThat(lines)
          .extracting(line -> line.get("account").asText() + " " + line.get("platform").asText())
          .containsExactlyInAnyOrder(
              "lab x",
              "lab x",
              "toots mastodon",
              "toots mastodon",
              "skeets bluesky",
              "skeets bluesky");
      for (JsonNode line : lines) {
        int limit = line.get("limit").asInt();
        assertThat(limit)
            .as(line.get("platform").asText())
            .isEqualTo(
                switch (line.get("platform").asText()) {
                  case "x" -> 280;
                  case "mastodon" -> 1000;
                  default -> 300;
                });
        assertThat(line.get("length").asInt()).isLessThanOrEqualTo(limit);
      }
      String paper = lines.get(0).get("guid").asText();
      assertThat(textOf(lines, "mastodon", paper).length())
          .as("the instance's 1000 characters keep more of the summary than X's 280")
          .isGreaterThan(textOf(lines, "x", paper).length());
      assertThat(mastodon.statuses()).as("a preview posts nothing").isEmpty();
      assertThat(bluesky.sessionsCreated()).as("nor logs in").isZero();
    }
  }

  @Test
  void saysWhichPictureEachPostWouldCarryAndItsAltTextFetchingButUploadingNothing()
      throws Exception {
    feeds.serve("/toc.jpg", TestPictures.jpeg(640, 480, 1), "image/jpeg");
    feeds.serve(
        "/toc.xml",
        """
        <rss version="2.0"><channel><title>t</title>
          <item><title>Sepsis bundles</title><link>%s</link><guid>s1</guid>
          <description><![CDATA[<img src="/toc.jpg" alt="Bundle uptake by hospital">
          Bundles saved lives in 31 hospitals.]]></description></item>
          <item><title>Hand hygiene</title><link>%s</link><guid>s2</guid>
          <description>Soap won.</description></item>
        </channel></rss>
        """
            .formatted(feeds.url("/a/1"), feeds.url("/a/2"))
            .getBytes(StandardCharsets.UTF_8),
        "application/rss+xml");
    Files.writeString(
        config,
        TestConfig.h2(dir.resolve("db"))
            + TestConfig.labAccount(x, "")
            + "paperboy.feeds.toc { url = \"%s\", account = lab, backfill = 2 }\n"
                .formatted(feeds.url("/toc.xml")));

    assertThat(paperboy("preview", "--config", config.toString(), "--json")).isZero();
    List<JsonNode> lines = jsonLines();
    assertThat(paperboy("preview", "--config", config.toString())).isZero();

    assertThat(lines).extracting(line -> line.get("guid").asText()).containsOnly("s1", "s2");
    JsonNode pictured =
        lines.stream().filter(l -> l.get("guid").asText().equals("s1")).findAny().orElseThrow();
    JsonNode plain =
        lines.stream().filter(l -> l.get("guid").asText().equals("s2")).findAny().orElseThrow();
    assertThat(pictured.get("image").asText())
        .as(pictured.toString())
        .isEqualTo(feeds.url("/toc.jpg").toString());
    assertThat(pictured.get("alt").asText()).isEqualTo("Bundle uptake by hospital");
    assertThat(plain.get("image").isNull()).isTrue();
    assertThat(plain.get("alt").isNull()).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "[picture "
                + feeds.url("/toc.jpg")
                + " (image/jpeg, 640x480); alt: Bundle uptake by hospital]");
    assertThat(x.media()).as("a preview uploads nothing").isEmpty();
  }

  @Test
  void anEntryWhosePicturesAllFailGetsItsPagesPictureWithEnrich() throws Exception {
    // The entry lacks nothing else, so only its picture sends Paperboy to its page.
    feeds.serve("/pixel.gif", TestPictures.trackingPixel(), "image/gif");
    feeds.serve("/og.jpg", TestPictures.jpeg(1200, 630, 3), "image/jpeg");
    feeds.serve(
        "/a/1",
        "<html><head><meta property=\"og:image\" content=\"/og.jpg\"></head><body></body></html>"
            .getBytes(StandardCharsets.UTF_8),
        "text/html");
    feeds.serve(
        "/toc.xml",
        """
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
          <item><title>Sepsis bundles</title><link>%s</link><guid>s1</guid>
          <dc:identifier>doi:10.1056/NEJMoa2600001</dc:identifier><dc:creator>Ana Lima</dc:creator>
          <description><![CDATA[<img src="/pixel.gif"> Bundles saved lives in 31 hospitals.]]>
          </description></item>
        </channel></rss>
        """
            .formatted(feeds.url("/a/1"))
            .getBytes(StandardCharsets.UTF_8),
        "application/rss+xml");
    String feed = "paperboy.feeds.toc { url = \"%s\", account = lab, backfill = 1, %s }\n";
    String base = TestConfig.h2(dir.resolve("db")) + TestConfig.labAccount(x, "");

    Files.writeString(config, base + feed.formatted(feeds.url("/toc.xml"), "enrich = true"));
    assertThat(paperboy("preview", "--config", config.toString(), "--json")).isZero();
    assertThat(jsonLines().get(0).get("image").asText()).isEqualTo(feeds.url("/og.jpg").toString());

    // Without enrich the page is never read: the tracker leaves the post plain.
    Files.writeString(config, base + feed.formatted(feeds.url("/toc.xml"), "enrich = false"));
    assertThat(paperboy("preview", "--config", config.toString(), "--json")).isZero();
    assertThat(jsonLines().get(0).get("image").isNull()).isTrue();
  }

  private static String textOf(List<JsonNode> lines, String platform, String guid) {
    return lines.stream()
        .filter(l -> l.get("platform").asText().equals(platform))
        .filter(l -> l.get("guid").asText().equals(guid))
        .map(l -> l.get("text").asText())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anUnknownFeedIsAUsageError() {
    assertThat(paperboy("preview", "--config", config.toString(), "--feed", "nejm")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("paperboy: no feed nejm in ");
  }
}

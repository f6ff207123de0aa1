package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Engine;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.FakeBluesky;
import org.paperboy.testing.FakeMastodon;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FakeXMedia;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.PaperIdentities;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPaperboy;
import org.paperboy.testing.TestPictures;

/**
 * A journal's feed whose entries carry their table-of-contents graphic as an {@code <img>}, the way
 * publishers' feeds do, with the pictures and article pages served on 127.0.0.1: each post on X,
 * Mastodon and Bluesky carries its paper's picture with alt text and within the platform's limit; a
 * tracker or a missing picture leaves a plain post; each paper goes out once.
 */
class PicturesTest {

  private static final String QUICK =
      """
      min-spacing = 0s
      max-per-day = 1000
      retry { initial-delay = 1s, max-delay = 2s, max-attempts = 30 }
      """;
  private static final String GRAPHIC_ALT = "Graphical abstract: trial flow and primary outcome";
  private static final String[] TITLES = {
    "Early mobilisation after hip fracture surgery: a randomised trial",
    "Simulation training and central line infections: a cluster trial",
    "Reading habits of residents: a survey",
    "Point-of-care ultrasound in the emergency department",
    "Peer feedback in objective structured clinical examinations",
    "Errors in medication reconciliation at discharge"
  };

  @TempDir Path dir;
  private FeedServer web;
  private FakeXApi x;
  private FakeMastodon mastodon;
  private FakeBluesky bluesky;
  private final byte[] graphic = TestPictures.jpeg(800, 600, 1);
  private final byte[] large = TestPictures.png(2100, 1400, 2);
  private final byte[] ogImage = TestPictures.jpeg(1200, 630, 3);

  @BeforeEach
  void start() throws Exception {
    web = new FeedServer();
    web.serve("/figures/graphic.jpg", graphic, "image/jpeg");
    web.serve("/figures/large.png", large, "image/png");
    web.serve("/figures/pixel.gif", TestPictures.trackingPixel(), "image/gif");
    web.serve("/figures/og.jpg", ogImage, "image/jpeg");
    web.serve(
        "/articles/5",
        ("<html><head><meta property=\"og:image\" content=\"/figures/og.jpg\"></head>"
                + "<body><p>Abstract on the page.</p></body></html>")
            .getBytes(StandardCharsets.UTF_8),
        "text/html");
    web.serve("/toc.xml", feed().getBytes(StandardCharsets.UTF_8), "application/rss+xml");
    x = TestConfig.labX();
    x.acceptDuplicates();
    mastodon = TestConfig.labMastodon();
    mastodon.imageSizeLimit(2_000_000);
    mastodon.processMediaFor(2);
    bluesky = TestConfig.labBluesky();
  }

  @AfterEach
  void stop() {
    web.close();
    x.close();
    mastodon.close();
    bluesky.close();
  }

  /** Six papers: a graphic, a 7 MB figure, a tracker, a missing file, a page's og:image, none. */
  private String feed() {
    String[] pictures = {
      "<img src=\"/figures/graphic.jpg\" alt=\"" + GRAPHIC_ALT + "\"/>",
      "<img src=\"" + web.url("/figures/large.png") + "\" alt=\"large.png\"/>",
      "<img src=\"/figures/pixel.gif\"/>",
      "<img src=\"/figures/missing.png\" alt=\"TOC graphic\"/>",
      "",
      ""
    };
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < TITLES.length; i++) {
      items.append(
          """
          <item><title>%s</title><link>%s</link><guid>toc-%d</guid>
          <description><![CDATA[<p>%s</p><p>Background: clinicians asked a question.
          Methods: we studied it. Results: the answer was clear. Conclusions: it helps.</p>]]>
          </description></item>
          """
              .formatted(TITLES[i], link(i), i + 1, pictures[i]));
    }
    return "<rss version=\"2.0\"><channel><title>Journal of Test Medicine</title>"
        + items
        + "</channel></rss>";
  }

  private String link(int paper) {
    return web.url("/articles/" + (paper + 1)).toString();
  }

  private static String figureAlt(int paper) {
    return "Figure from “" + TITLES[paper] + "”";
  }

  private Path config(String blueskySettings, String feedSettings) throws Exception {
    return Files.writeString(
        dir.resolve("paperboy.conf"),
        TestConfig.h2(dir.resolve("db"))
            + "paperboy.fetch.per-host-delay = 0s\n"
            + TestConfig.labAccount(x, QUICK)
            + TestConfig.mastodonAccount("lab-mastodon", mastodon, QUICK)
            + TestConfig.blueskyAccount("lab-bluesky", bluesky, QUICK + blueskySettings)
            + """
              paperboy.feeds.toc {
                url = "%s"
                accounts = [lab, lab-mastodon, lab-bluesky]
                schedule = 1h
                backfill = 10
                enrich = true
                %s
              }
              """
                .formatted(web.url("/toc.xml"), feedSettings));
  }

  private void postAll(Path config) throws Exception {
    try (Engine engine = TestPaperboy.open(config)) {
      engine.start();
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  x.tweets().size() >= TITLES.length
                      && mastodon.statuses().size() >= TITLES.length
                      && bluesky.records().size() >= TITLES.length);
      Thread.sleep(2000); // anything still to come would be a second post
    }
  }

  @Test
  void eachPlatformCarriesThePapersPictureWithAltTextWithinItsLimitExactlyOnce() throws Exception {
    x.dropAnswerEvery(3);
    mastodon.dropAnswerEvery(3);
    bluesky.dropAnswerEvery(3);

    String logs;
    try (CapturedLogs captured = CapturedLogs.start()) {
      postAll(config("", ""));
      logs = captured.text();
    }

    Map<String, FakeXApi.Tweet> onX = once(x.tweets(), PaperIdentities::of);
    Map<String, FakeMastodon.Status> onMastodon = once(mastodon.statuses(), PaperIdentities::of);
    Map<String, FakeBluesky.Created> onBluesky = once(bluesky.records(), PaperIdentities::of);
    assertThat(x.dropped() + mastodon.dropped() + bluesky.dropped()).isGreaterThanOrEqualTo(6);

    // The entry's own graphic, with its own alt text, sent byte for byte where it fits.
    assertThat(xPicture(onX, 0).bytes()).isEqualTo(graphic);
    assertThat(xPicture(onX, 0).alt()).isEqualTo(GRAPHIC_ALT);
    assertThat(mastodonPicture(onMastodon, 0).bytes()).isEqualTo(graphic);
    assertThat(mastodonPicture(onMastodon, 0).description()).isEqualTo(GRAPHIC_ALT);
    assertThat(blueskyThumb(onBluesky, 0).bytes()).isEqualTo(graphic);

    // A 7 MB figure, scaled down for each platform's limit; a file name is no alt text.
    assertThat(large.length).isGreaterThan(5 * 1024 * 1024);
    assertThat(xPicture(onX, 1).bytes().length).isLessThanOrEqualTo(5 * 1024 * 1024);
    assertThat(xPicture(onX, 1).alt()).isEqualTo(figureAlt(1));
    assertThat(mastodonPicture(onMastodon, 1).bytes().length).isLessThanOrEqualTo(2_000_000);
    assertThat(mastodonPicture(onMastodon, 1).description()).isEqualTo(figureAlt(1));
    assertThat(blueskyThumb(onBluesky, 1).size()).isLessThanOrEqualTo(1_000_000);

    // The tracker and the missing file leave plain posts, with a line naming each.
    for (int plain : new int[] {2, 3, 5}) {
      assertThat(onX.get(identity(plain)).mediaIds()).as("paper %d on X", plain).isEmpty();
      assertThat(onMastodon.get(identity(plain)).mediaIds()).as("on Mastodon").isEmpty();
      assertThat(
              onBluesky.get(identity(plain)).record().at("/embed/external/thumb").isMissingNode())
          .as("on Bluesky")
          .isTrue();
    }
    assertThat(logs)
        .contains(": no picture attached: " + web.url("/figures/pixel.gif") + ": only ")
        .contains(
            ": no picture attached: "
                + web.url("/figures/missing.png")
                + ": HTTP 404 from "
                + web.url("/figures/missing.png"));

    // No <img> in the entry: the article page's og:image, with the feed's alt text.
    assertThat(xPicture(onX, 4).bytes()).isEqualTo(ogImage);
    assertThat(xPicture(onX, 4).alt()).isEqualTo(figureAlt(4));
    assertThat(mastodonPicture(onMastodon, 4).bytes()).isEqualTo(ogImage);
    assertThat(blueskyThumb(onBluesky, 4).bytes()).isEqualTo(ogImage);

    assertThat(web.requests("/figures/graphic.jpg"))
        .as("fetched once for the three accounts")
        .hasSize(1);
    assertThat(mastodon.requests("GET /api/v1/media/:id"))
        .as("Mastodon's processing waited for")
        .isPositive();
    assertThat(picturesKept()).as("kept only until the last account has posted").isZero();
  }

  @Test
  void anAccountOrAFeedCanTurnPicturesOff() throws Exception {
    postAll(config("images = false", ""));

    assertThat(bluesky.blobs()).isEmpty();
    assertThat(bluesky.records())
        .allMatch(post -> post.record().at("/embed/external/thumb").isMissingNode());
    assertThat(once(x.tweets(), PaperIdentities::of).get(identity(0)).mediaIds()).hasSize(1);
  }

  @Test
  void aFeedWithPicturesOffFetchesNone() throws Exception {
    postAll(config("", "images = false"));

    assertThat(web.requests()).noneMatch(request -> request.path().startsWith("/figures/"));
    assertThat(x.media()).isEmpty();
    assertThat(mastodon.uploads()).isEmpty();
    assertThat(bluesky.blobs()).isEmpty();
  }

  private String identity(int paper) {
    return "link:" + link(paper);
  }

  private FakeXMedia.Media xPicture(Map<String, FakeXApi.Tweet> posts, int paper) {
    List<String> ids = posts.get(identity(paper)).mediaIds();
    assertThat(ids).as("paper %d's media on X", paper).hasSize(1);
    return x.media().stream().filter(m -> m.id().equals(ids.get(0))).findFirst().orElseThrow();
  }

  private FakeMastodon.Upload mastodonPicture(Map<String, FakeMastodon.Status> posts, int paper) {
    List<String> ids = posts.get(identity(paper)).mediaIds();
    assertThat(ids).as("paper %d's media on Mastodon", paper).hasSize(1);
    return mastodon.uploads().stream()
        .filter(u -> u.id().equals(ids.get(0)))
        .findFirst()
        .orElseThrow();
  }

  private FakeBluesky.Blob blueskyThumb(Map<String, FakeBluesky.Created> posts, int paper) {
    JsonNode thumb = posts.get(identity(paper)).record().at("/embed/external/thumb");
    assertThat(thumb.isObject()).as("paper %d's card thumb on Bluesky", paper).isTrue();
    FakeBluesky.Blob blob =
        bluesky.blobs().stream()
            .filter(b -> b.cid().equals(thumb.at("/ref/$link").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(thumb.path("size").asInt()).isEqualTo(blob.size());
    assertThat(thumb.path("mimeType").asText()).isEqualTo(blob.mimeType());
    return blob;
  }

  /** The posts by paper, each paper there exactly once. */
  private <T> Map<String, T> once(List<T> posts, Function<T, String> paper) {
    Map<String, T> byPaper = new HashMap<>();
    List<String> twice = new ArrayList<>();
    for (T post : posts) {
      if (byPaper.put(paper.apply(post), post) != null) {
        twice.add(paper.apply(post));
      }
    }
    assertThat(twice).as("papers posted twice").isEmpty();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < TITLES.length; i++) {
      expected.add(identity(i));
    }
    assertThat(byPaper.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    return byPaper;
  }

  private int picturesKept() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db"));
        ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM pictures")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}

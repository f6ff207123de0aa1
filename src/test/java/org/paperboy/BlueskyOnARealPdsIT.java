package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Engine;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.model.PostRef;
import org.paperboy.model.SendFailure;
import org.paperboy.model.Session;
import org.paperboy.model.SessionStore;
import org.paperboy.model.Subject;
import org.paperboy.model.Tid;
import org.paperboy.platform.bluesky.BlueskyPublisher;
import org.paperboy.publish.Message;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.RealPds;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPaperboy;

/**
 * Paperboy posting to a real Bluesky PDS ({@code @atproto/pds}, on loopback), its records judged by
 * the AT Protocol's own lexicon validator: the session made once and refreshed, not made again;
 * facets on every link and hashtag at the right UTF-8 bytes, after accents, emoji and CJK; link
 * cards; record keys chosen when a post is queued; a thread's reply; and posts cut to 300 graphemes
 * and 3,000 bytes that the PDS accepts.
 */
class BlueskyOnARealPdsIT {

  private static final Pattern HASHTAG = Pattern.compile("(?<![\\w#])#(\\w+)");
  private static final Pattern TID = Pattern.compile("[234567abcdefghij][234567a-z]{12}");
  // 👩🏽‍⚕️: one grapheme of five code points and 17 bytes.
  private static final String HEALTH_WORKER = "\uD83D\uDC69\uD83C\uDFFD\u200D\u2695\uFE0F";

  @TempDir Path dir;
  private FeedServer feeds;
  private RealPds.Account lab;

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    lab = RealPds.createAccount("lab");
  }

  @AfterEach
  void stop() {
    feeds.close();
  }

  private static String item(String title, String doi, String description) {
    return """
        <item><title>%s</title><link>https://example.org/%s</link><guid>%s</guid>
          <dc:identifier>doi:%s</dc:identifier><description>%s</description></item>
        """
        .formatted(title, doi, doi, doi, description);
  }

  private void serveFeed(String... items) {
    String rss =
        """
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>lab</title>
        %s
        </channel></rss>
        """
            .formatted(String.join("\n", items));
    feeds.serve("/lab.xml", rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
  }

  private PaperboyConfig config() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("paperboy.conf"),
            TestConfig.h2(dir.resolve("db"))
                + """
                paperboy.accounts.sky {
                  platform = bluesky
                  service-url = "%s"
                  identifier = "%s"
                  app-password = ${REAL_PDS_APP_PASSWORD}
                  language = en
                  min-spacing = 0s
                  max-per-day = 1000
                }
                paperboy.feeds.lab {
                  url = "%s", account = sky, backfill = 10, schedule = 1s, hashtags = [MedEd, FOAMed]
                }
                paperboy.feeds.club {
                  url = "%s", account = sky, backfill = 1, schedule = 1h, thread = true
                }
                """
                    .formatted(
                        RealPds.url(),
                        lab.handle(),
                        feeds.url("/lab.xml"),
                        feeds.serveFixture(
                            "/plos.xml", "med_plos_ploscompbiol_atom_2025-04_reserialized.xml")));
    Map<String, String> environment = new HashMap<>(TestConfig.ENVIRONMENT);
    environment.put("REAL_PDS_APP_PASSWORD", lab.appPassword());
    return TestPaperboy.loader(environment).load(file);
  }

  private List<JsonNode> records() {
    return RealPds.listRecords(lab.did(), "app.bsky.feed.post");
  }

  @Test
  void postsEveryPaperAsTheRealPdsJudgesItLogsInOnceAndRefreshesAnExpiredSession()
      throws Exception {
    serveFeed(
        item(
            "Über die Wirksamkeit von Kaffee bei Ärztinnen im Nachtdienst: eine Kohortenstudie",
            "10.5555/kaffee.2026.001",
            "Ärztinnen und Ärzte im Nachtdienst, die Kaffee tranken, machten weniger Fehler. "
                + "Die Wirkung hielt über die ganze Schicht an und war bei Älteren größer. "
                + "Schlaf bleibt trotzdem das beste Mittel gegen Müdigkeit im Dienst."),
        item(
            "Emoji in patient messages " + HEALTH_WORKER,
            "10.5555/emoji.2026.002",
            (HEALTH_WORKER + " ").repeat(220) + "Patients liked them."),
        item(
            "医学生の臨床推論教育：ランダム化比較試験",
            "10.5555/cjk.2026.003",
            "臨床推論の指導は診断精度を高めた。" + "学生は症例検討を好んだ。".repeat(20)));

    PaperboyConfig config = config();
    try (Engine engine = TestPaperboy.open(config)) {
      engine.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> records().size() == 5);
    }

    List<JsonNode> records = records();
    for (JsonNode record : records) {
      String rkey = record.path("uri").asText().replaceAll(".*/", "");
      assertThat(rkey).as("a record key is a TID").matches(TID);
      JsonNode post = record.path("value");
      assertThat(post.path("langs").toString()).isEqualTo("[\"en\"]");
      // A thread's reply is the summary alone; its first post holds the link.
      assertFacetsCoverExactlyTheirText(post, post.has("reply") ? 0 : 1);
      JsonNode card = post.path("embed").path("external");
      if (post.has("reply")) {
        continue;
      }
      assertThat(card.path("uri").asText()).startsWith("https://doi.org/10.");
      assertThat(card.path("title").asText()).isNotBlank();
    }
    assertThat(storedPosts())
        .as("Paperboy recorded each record by its uri and cid")
        .isEqualTo(urisAndCids(records));
    JsonNode reply = replies(records).get(0);
    JsonNode first = byUri(records, reply.path("value").path("reply").path("root").path("uri"));
    assertThat(reply.path("value").path("reply").path("root").path("cid").asText())
        .isEqualTo(first.path("cid").asText());
    assertThat(reply.path("value").path("reply").path("parent").path("uri").asText())
        .isEqualTo(first.path("uri").asText());
    assertThat(RealPds.logins(lab.did())).as("logins").isEqualTo(1);

    // Two hours later, as far as the access token knows: the PDS answers it ExpiredToken.
    expireStoredAccessToken();
    serveFeed(
        item(
            "Kaffee und Schlaf: eine Nachbeobachtung",
            "10.5555/kaffee.2026.004",
            "Die Müdigkeit kam zurück."));
    try (Engine engine = TestPaperboy.open(config)) {
      engine.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> records().size() == 6);
    }

    assertThat(RealPds.answers("com.atproto.server.refreshSession")).contains(200);
    assertThat(RealPds.logins(lab.did()))
        .as("a restart and an expired token log in no more")
        .isEqualTo(1);
    assertThat(records().stream().map(r -> r.path("value").path("text").asText()))
        .anyMatch(text -> text.startsWith("Kaffee und Schlaf"));
  }

  @Test
  void aPostWhoseAnswerWasLostIsFoundAtItsRecordKeyAndNeverMadeTwice() throws Exception {
    Map<String, Session> sessions = new ConcurrentHashMap<>();
    SessionStore store =
        new SessionStore() {
          @Override
          public Optional<Session> load(String accountId) {
            return Optional.ofNullable(sessions.get(accountId));
          }

          @Override
          public void save(String accountId, Session session) {
            sessions.put(accountId, session);
          }
        };
    BlueskyPublisher bluesky =
        new BlueskyPublisher(
            "sky",
            RealPds.url(),
            lab.handle(),
            lab.appPassword(),
            "en",
            store,
            new PlatformHttp("account sky on bluesky", Duration.ofSeconds(30)));
    Instant queued = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Message message =
        new Message(
            new Tid(queued.toEpochMilli() * 1000, 7).toString(),
            queued,
            "sky",
            "lab",
            "Sepsis bundles in the emergency department https://doi.org/10.5555/sepsis.1 #MedEd",
            null,
            new Subject(
                "Sepsis bundles in the emergency department",
                "https://doi.org/10.5555/sepsis.1",
                "Bundles saved lives."),
            null);

    assertThat(bluesky.find(message, queued)).as("before it is sent").isEmpty();
    PostRef posted = bluesky.publish(message);
    // The answer lost: sent again, the PDS refuses the same record key with a bare 500, which is
    // no answer either, never "it is there".
    assertThatThrownBy(() -> bluesky.publish(message))
        .isInstanceOfSatisfying(
            PublishException.class, e -> assertThat(e.failure()).isEqualTo(SendFailure.NO_ANSWER));
    assertThat(bluesky.find(message, queued)).contains(posted);

    assertThat(records()).hasSize(1);
    assertThat(records().get(0).path("value").path("createdAt").asText())
        .isEqualTo(queued.toString());
  }

  /** Every facet's UTF-8 byte range is exactly its link's shown text or its {@code #tag}. */
  private static void assertFacetsCoverExactlyTheirText(JsonNode post, int expectedLinks) {
    byte[] text = post.path("text").asText().getBytes(StandardCharsets.UTF_8);
    Set<String> tagged = new HashSet<>();
    int links = 0;
    for (JsonNode facet : post.path("facets")) {
      String covered =
          new String(
              Arrays.copyOfRange(
                  text,
                  facet.path("index").path("byteStart").asInt(),
                  facet.path("index").path("byteEnd").asInt()),
              StandardCharsets.UTF_8);
      JsonNode feature = facet.path("features").get(0);
      switch (feature.path("$type").asText()) {
        case "app.bsky.richtext.facet#link" -> {
          String shown = covered.replace("…", "");
          assertThat(feature.path("uri").asText()).contains(shown.replaceFirst("^https?://", ""));
          links++;
        }
        case "app.bsky.richtext.facet#tag" -> {
          assertThat(covered).isEqualTo("#" + feature.path("tag").asText());
          tagged.add(feature.path("tag").asText());
        }
        default -> throw new AssertionError("an unexpected facet: " + facet);
      }
    }
    assertThat(links).as("link facets in " + post).isEqualTo(expectedLinks);
    Matcher hashtags = HASHTAG.matcher(post.path("text").asText());
    while (hashtags.find()) {
      assertThat(tagged).as("a facet for #" + hashtags.group(1)).contains(hashtags.group(1));
    }
  }

  private static List<JsonNode> replies(List<JsonNode> records) {
    return records.stream().filter(r -> r.path("value").has("reply")).toList();
  }

  private static JsonNode byUri(List<JsonNode> records, JsonNode uri) {
    return records.stream()
        .filter(r -> r.path("uri").asText().equals(uri.asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record " + uri));
  }

  private static Set<String> urisAndCids(List<JsonNode> records) {
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(r.path("uri").asText() + " " + r.path("cid").asText()));
    return ids;
  }

  private Connection database() throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db"));
  }

  private Set<String> storedPosts() throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c = database();
        ResultSet rows = c.createStatement().executeQuery("SELECT remote_id FROM posts")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private void expireStoredAccessToken() throws Exception {
    try (Connection c = database();
        PreparedStatement read =
            c.prepareStatement("SELECT access_jwt FROM sessions WHERE account_id = 'sky'");
        ResultSet row = read.executeQuery();
        PreparedStatement write =
            c.prepareStatement("UPDATE sessions SET access_jwt = ? WHERE account_id = 'sky'")) {
      assertThat(row.next()).as("a stored session").isTrue();
      write.setString(1, RealPds.expired(row.getString(1)));
      assertThat(write.executeUpdate()).isEqualTo(1);
    }
  }
}

package org.paperboy.platform.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.testing.FakeMastodon;
import org.paperboy.testing.MutableClock;

/**
 * Mastodon's count, as the instance checks it: graphemes, each link as the instance's {@code
 * characters_reserved_per_url}, each mention as its local part; and text from a feed that would
 * mention someone, defused. Each rule is checked against the fake instance at its limit.
 */
class MastodonTextTest {

  private static final String TOKEN = "token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  private final HttpClient client = HttpClient.newHttpClient();
  private FakeMastodon mastodon;
  private MastodonPublisher publisher;
  private int keys;

  @BeforeEach
  void start() throws Exception {
    mastodon = new FakeMastodon(TOKEN, clock);
    publisher =
        MastodonPublishers.on(mastodon.baseUrl(), TOKEN, "public", null, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    mastodon.close();
  }

  /** Mastodon's rules for the fake instance as it is now, read afresh. */
  private MastodonText rules() {
    return new MastodonText(
        new MastodonInstance(
            mastodon.baseUrl(), new PlatformHttp("lab", Duration.ofSeconds(5)), clock));
  }

  /** Whether the instance takes {@code text} as a post; a refusal must be for its length. */
  private boolean accepts(String text) {
    return MastodonPublishers.accepts(publisher, "k" + keys++, clock.instant(), text);
  }

  /** Shows that the instance's count of {@code text} is {@code length}: it fits, one less not. */
  private void assertInstanceCounts(String text, int length) {
    mastodon.maxCharacters(length);
    assertThat(accepts(text)).as("%s within %d", text, length).isTrue();
    mastodon.maxCharacters(length - 1);
    assertThat(accepts(text)).as("%s within %d", text, length - 1).isFalse();
  }

  /** The newest status as the instance shows it. */
  private JsonNode newestStatus() throws Exception {
    URI uri =
        URI.create(
            mastodon.baseUrl()
                + "/api/v1/accounts/"
                + FakeMastodon.ACCOUNT_ID
                + "/statuses?limit=1");
    HttpResponse<String> answer =
        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(answer.body()).get(0);
  }

  @Test
  void emojiSequencesFlagsAndAccentsCountOneGraphemeEach() {
    MastodonText rules = rules();
    List<String> ones =
        List.of(
            "👨‍👩‍👧‍👦", // a family: four people joined by zero-width joiners
            "🏳️‍🌈", // a rainbow flag: a flag, a variation selector, a joiner, a rainbow
            "🇫🇷", // a country's flag: two regional indicators
            "👍🏽", // a thumb with a skin tone
            "1️⃣", // a keycap
            "e\u0301", // e and a combining acute accent
            "漢");

    for (String one : ones) {
      assertThat(rules.length(one)).as(one).isEqualTo(1);
      assertInstanceCounts("a".repeat(9) + one.repeat(3), 12);
    }
    assertThat(rules.length("🇫🇷🇩🇪")).isEqualTo(2);
  }

  @Test
  void eachLinkCountsWhatTheInstanceSaysWhateverItsLength() {
    mastodon.charactersReservedPerUrl(40);
    MastodonText rules = rules();
    String link = "https://doi.org/10.1016/S0140-6736(24)00001-1?" + "x".repeat(150);

    assertThat(rules.length("See " + link + " now")).isEqualTo(4 + 40 + 4);
    assertInstanceCounts("See " + link + " now", 48);
    // Only a link with its scheme: a bare domain counts as the text it is.
    assertThat(rules.length("See doi.org/10.1/x now")).isEqualTo(22);
    assertInstanceCounts("See doi.org/10.1/x now", 22);
    // Mastodon's link ends before a trailing "=" in its path, which counts as text.
    assertThat(rules.length("See https://example.org/a= now")).isEqualTo(4 + 40 + 1 + 4);
    assertInstanceCounts("See https://example.org/a= now", 49);
  }

  @Test
  void agreesWithTheInstanceOnRandomWordsOfScriptsLinksMentionsAndEmoji() {
    mastodon.charactersReservedPerUrl(30);
    MastodonText rules = rules();
    String[] words = {
      "a",
      "Zeta",
      "1,204",
      "é",
      "e\u0301",
      "ß",
      "漢字",
      "😀",
      "👍🏽",
      "🇫🇷",
      "👨‍👩‍👧",
      "1️⃣",
      "≥",
      "—",
      "…",
      "p<0.05",
      "&",
      "\"quoted\"",
      "(",
      ")",
      "#tag",
      "#",
      "@",
      "@alice",
      "@alice@example.org",
      "x²@alice",
      "editor@journal.org",
      "https://doi.org/10.1016/s0140-6736(24)00001-1",
      "(https://doi.org/10.1/x)",
      "https://doi.org/10.1/x.",
      "https://example.com/?q=1&r=2",
      "https://example.com/a=",
      "http://example.co.uk/x",
      "https://example.org/a#frag",
      "www.example.org",
      "doi.org/10.1/x",
      "\n",
      "\u200B"
    };
    Random random = new Random(42);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder("w");
      for (int n = 1 + random.nextInt(12); n > 0; n--) {
        text.append(' ').append(words[random.nextInt(words.length)]);
      }
      String sample = text.toString();
      assertThat(rules.length(sample)).as(sample).isEqualTo(mastodon.length(sample));
    }
  }

  @Test
  void aCreditedPersonsMentionCountsAsItsLocalPart() {
    MastodonText rules = rules();
    String credit = "Thanks @alice@a-very-long-domain.example.org and @bob";

    assertThat(rules.length(credit)).isEqualTo("Thanks @alice and @bob".length());
    assertInstanceCounts(credit, 22);
    // Not a mention where another @ follows: it counts in full.
    assertThat(rules.length("@alice@example.org@bob")).isEqualTo(22);
    assertInstanceCounts("@alice@example.org@bob", 22);
  }

  @Test
  void textFromAFeedMentionsNobodyAndReadsTheSame() throws Exception {
    MastodonText rules = rules();
    // The fake shows a mention of its own account, @paperboy, as a link to it.
    List<String> mentioning =
        List.of(
            "Letter from @paperboy",
            "(@paperboy)",
            "Dr.@paperboy",
            "x²@paperboy",
            "Ⅻ@paperboy",
            "@paperboy@social.example wrote",
            "“@PAPERBOY”");
    List<String> shown = new ArrayList<>();
    for (String text : mentioning) {
      assertThat(accepts(text)).isTrue();
      assertThat(newestStatus().path("content").asText()).as(text).contains("u-url mention");
      String neutral = rules.neutralise(text);
      assertThat(neutral.replace("\u200B", "")).isEqualTo(text);
      assertThat(accepts(neutral)).isTrue();
      shown.add(newestStatus().path("content").asText());
    }

    assertThat(shown).noneMatch(content -> content.contains("mention"));
    assertThat(rules.neutralise("write to editor@journal.org"))
        .isEqualTo("write to editor@journal.org");
  }

  @Test
  void aHashtagIsWhatMastodonMakesOneTagOf() throws Exception {
    MastodonText rules = rules();
    List<String> tags =
        List.of(
            "#Sepsis",
            "#COVID19",
            "#日本語",
            "#हिन्दी",
            "#a·b",
            "#1_2",
            "#tag_",
            "#_tag",
            "#a·",
            "#2026",
            "#ab-cd",
            "#café",
            "#");

    for (String tag : tags) {
      assertThat(accepts(tag + " x")).isTrue();
      List<String> made = new ArrayList<>();
      newestStatus().path("tags").forEach(t -> made.add("#" + t.path("name").asText()));
      assertThat(rules.isHashtag(tag)).as(tag).isEqualTo(made.equals(List.of(tag)));
    }
    assertThat(rules.isHashtag("#Sepsis")).isTrue();
    assertThat(rules.isHashtag("#a·")).isFalse();
  }
}

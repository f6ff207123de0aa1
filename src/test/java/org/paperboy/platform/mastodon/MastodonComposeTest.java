package org.paperboy.platform.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.compose.FeedStyle;
import org.paperboy.compose.PostComposer;
import org.paperboy.compose.Template;
import org.paperboy.model.Paper;
import org.paperboy.model.Post;
import org.paperboy.model.Summary;
import org.paperboy.parse.FeedParser;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.summarise.Summariser;
import org.paperboy.testing.FakeMastodon;
import org.paperboy.testing.Fixtures;
import org.paperboy.testing.MutableClock;

/**
 * The composer writes within the limits the instance states, not Mastodon's defaults: what it
 * writes for an instance of 1,000 is longer, for one of 300 shorter, and the instance takes both.
 */
class MastodonComposeTest {

  private static final String TOKEN = "token";
  private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
  private static final FeedStyle STANDARD =
      FeedStyle.of(Template.parse("{title}\n{summary} {link} {hashtags}"), List.of("#MedEd"));
  private static final Paper SEPSIS_TRIAL =
      new Paper(
          "nejm",
          "g",
          "Early care in sepsis",
          "https://www.nejm.org/doi/full/10.1056/NEJMoa2600001",
          "10.1056/NEJMoa2600001",
          List.of(),
          "NEJM",
          null,
          List.of(),
          null,
          "",
          List.of());
  private static final Summary LONG_SUMMARY =
      new Summary(
          "Early or usual care for adults with sepsis in thirty-one hospitals",
          List.of(
              "We randomised 1,204 adults with sepsis to early or usual care across 31 hospitals.",
              "Mortality at 90 days was 18.2% with early care and 21.9% with usual care.",
              "Early care shortened stays in intensive care by a median of two days.",
              "It did not increase adverse events in any prespecified subgroup of patients.",
              "Benefits were larger in patients who arrived by ambulance than in those who walked.",
              "Costs per patient were lower with early care, mainly through shorter stays.",
              "Nurses reported that the protocol was easy to follow on busy shifts.",
              "These results support early care for adults with sepsis in similar hospitals."));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  private FakeMastodon mastodon;
  private MastodonPublisher publisher;
  private int keys;

  @BeforeEach
  void start() throws Exception {
    mastodon = new FakeMastodon(TOKEN, clock);
    publisher =
        MastodonPublishers.on(mastodon.baseUrl(), TOKEN, "public", "en", Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    mastodon.close();
  }

  /** A composer for the instance as it is now, reading its limits afresh. */
  private PostComposer composer() {
    return new PostComposer(
        new MastodonText(
            new MastodonInstance(
                mastodon.baseUrl(), new PlatformHttp("lab", Duration.ofSeconds(5)), clock)));
  }

  private boolean accepts(String text) {
    return MastodonPublishers.accepts(publisher, "k" + keys++, clock.instant(), text);
  }

  @Test
  void anInstanceOf1000KeepsMoreOfTheSummaryAndTakesThePost() {
    Post atDefault = composer().compose(STANDARD, SEPSIS_TRIAL, LONG_SUMMARY, TODAY);
    mastodon.maxCharacters(1000);

    Post at1000 = composer().compose(STANDARD, SEPSIS_TRIAL, LONG_SUMMARY, TODAY);

    assertThat(atDefault.limit()).isEqualTo(500);
    assertThat(at1000.limit()).isEqualTo(1000);
    assertThat(at1000.length()).isGreaterThan(500).isLessThanOrEqualTo(1000);
    assertThat(at1000.text()).contains(LONG_SUMMARY.sentences().get(7)).endsWith("#MedEd");
    assertThat(atDefault.text()).doesNotContain(LONG_SUMMARY.sentences().get(7));
    assertThat(accepts(at1000.text())).isTrue();
  }

  @Test
  void anInstanceOf300IsRespectedAndWhatALinkCountsThere() {
    mastodon.maxCharacters(300);
    mastodon.charactersReservedPerUrl(60);

    Post post = composer().compose(STANDARD, SEPSIS_TRIAL, LONG_SUMMARY, TODAY);

    assertThat(post.limit()).isEqualTo(300);
    assertThat(post.length()).isLessThanOrEqualTo(300).isGreaterThan(300 - 60);
    assertThat(post.text()).contains("https://doi.org/10.1056/NEJMoa2600001");
    assertThat(accepts(post.text())).isTrue();
    mastodon.maxCharacters(post.length() - 1);
    assertThat(accepts(post.text())).as("counted as the instance counts it").isFalse();
  }

  @Test
  void everyPaperOfTheFixturesIsComposedWithinAnInstanceOf300AndCountedAsItCounts()
      throws Exception {
    mastodon.maxCharacters(300);
    mastodon.charactersReservedPerUrl(30);
    PostComposer composer = composer();
    FeedParser parser = new FeedParser();
    Summariser summariser = new Summariser();
    int posts = 0;
    for (String fixture : Fixtures.allFeeds()) {
      for (Paper paper :
          parser
              .parse("f", Fixtures.feedBytes(fixture), null, URI.create("https://x.org/"))
              .papers()) {
        Post post = composer.compose(STANDARD, paper, summariser.summarise(paper), TODAY);
        assertThat(post.length()).as(post.text()).isEqualTo(mastodon.length(post.text()));
        // Every tenth sent, at the limit: the instance takes it, and refuses it one shorter.
        if (posts++ % 10 == 0) {
          mastodon.maxCharacters(post.length());
          assertThat(accepts(post.text())).as(post.text()).isTrue();
          mastodon.maxCharacters(post.length() - 1);
          assertThat(accepts(post.text())).as(post.text()).isFalse();
        }
      }
    }
    assertThat(posts).isGreaterThan(500);
  }
}

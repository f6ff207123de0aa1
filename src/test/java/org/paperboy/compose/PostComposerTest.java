package org.paperboy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twitter.twittertext.TwitterTextParser;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Paper;
import org.paperboy.model.Post;
import org.paperboy.model.Summary;
import org.paperboy.parse.FeedParser;
import org.paperboy.summarise.Summariser;
import org.paperboy.testing.Fixtures;

class PostComposerTest {

  private static final Template STANDARD = Template.parse("{title} {summary} {link} {hashtags}");
  private static final String LONG_ABSTRACT =
      "We randomised 1,204 adults with sepsis to early or usual care across 31 hospitals."
          + " Mortality at 90 days was 18.2% with early care and 21.9% with usual care."
          + " Early care shortened stays in intensive care by a median of two days and did not"
          + " increase adverse events in any prespecified subgroup of patients.";

  private final PostComposer composer = new PostComposer(new XTextCounter());

  private static Paper paper(String doi, String link) {
    return new Paper("f", "g", "t", link, doi, List.of(), "The Lancet", null, List.of(), "");
  }

  private static int weighted(String text) {
    return TwitterTextParser.parseTweet(text).weightedLength;
  }

  @Test
  void fillsTheTemplateWithTheDoiLinkWhenItFits() {
    Post post =
        composer.compose(
            STANDARD,
            paper("10.1016/s0140-6736(24)00001-1", "https://example.org/a?utm_source=rss"),
            new Summary("Early care in sepsis", "Mortality fell."),
            List.of("#MedEd", "#FOAMed"));

    assertThat(post.text())
        .isEqualTo(
            "Early care in sepsis Mortality fell. https://doi.org/10.1016/s0140-6736(24)00001-1 #MedEd #FOAMed");
    assertThat(post.length()).isEqualTo(weighted(post.text()));
  }

  @Test
  void usesTheEntryLinkWithoutADoi() {
    Post post =
        composer.compose(
            STANDARD, paper(null, "https://example.org/a"), new Summary("T", ""), List.of());

    assertThat(post.text()).isEqualTo("T https://example.org/a");
  }

  @Test
  void cutsTheSummaryAtAWordBoundaryWithAnEllipsis() {
    Post post =
        composer.compose(
            STANDARD,
            paper("10.1/x", null),
            new Summary(
                "Early versus usual care in adults with sepsis: a randomised trial", LONG_ABSTRACT),
            List.of("#MedEd"));

    assertThat(post.length()).isLessThanOrEqualTo(280).isEqualTo(weighted(post.text()));
    assertThat(post.text())
        .startsWith(
            "Early versus usual care in adults with sepsis: a randomised trial We randomised")
        .endsWith("… https://doi.org/10.1/x #MedEd");
    String summary = post.text().substring(0, post.text().indexOf('…'));
    assertThat(LONG_ABSTRACT).contains(summary.substring(summary.indexOf("We randomised")) + " ");
    assertThat(post.length()).isGreaterThan(260);
  }

  @Test
  void cutsTheTitleOnlyWhenNothingElseFits() {
    String title = "A very long title ".repeat(20).strip();

    Post post =
        composer.compose(
            STANDARD, paper("10.1/x", null), new Summary(title, LONG_ABSTRACT), List.of("#MedEd"));

    assertThat(post.text())
        .startsWith("A very long title")
        .endsWith("… https://doi.org/10.1/x #MedEd");
    assertThat(post.text()).doesNotContain("We randomised");
    assertThat(post.length()).isLessThanOrEqualTo(280).isEqualTo(weighted(post.text()));
  }

  @Test
  void countsCjkTitlesAsTwoEach() {
    String title = "广州海珠斯萤叶甲属一新种".repeat(20);

    Post post =
        composer.compose(
            STANDARD, paper(null, "https://example.cn/a"), new Summary(title, ""), List.of());

    assertThat(post.length()).isLessThanOrEqualTo(280).isEqualTo(weighted(post.text()));
    assertThat(post.length()).isGreaterThan(270);
  }

  @Test
  void failsWhenTheFixedPartsAloneExceedTheLimit() {
    Template shouting = Template.parse("{title} {link} " + "#Tag ".repeat(60));

    assertThatThrownBy(
            () ->
                composer.compose(shouting, paper("10.1/x", null), new Summary("T", ""), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("over the limit of 280");
  }

  @Test
  void composesAPostWithinTheLimitForEveryEntryOfEveryFixtureFeed() throws Exception {
    FeedParser parser = new FeedParser();
    Summariser summariser = new Summariser();
    int posts = 0;
    for (String fixture : Fixtures.allFeeds()) {
      for (Paper paper :
          parser
              .parse("f", Fixtures.feedBytes(fixture), null, URI.create("https://x.org/"))
              .papers()) {
        Post post =
            composer.compose(STANDARD, paper, summariser.summarise(paper), List.of("#MedEd"));
        assertThat(weighted(post.text()))
            .as(post.text())
            .isEqualTo(post.length())
            .isLessThanOrEqualTo(280);
        assertThat(TwitterTextParser.parseTweet(post.text()).isValid).as(post.text()).isTrue();
        posts++;
      }
    }
    assertThat(posts).isGreaterThan(500);
  }
}

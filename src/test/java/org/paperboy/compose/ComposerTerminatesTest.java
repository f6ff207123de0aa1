package org.paperboy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Paper;
import org.paperboy.model.Post;
import org.paperboy.model.Summary;
import org.paperboy.platform.x.XText;

/**
 * The composer ends, and fits, on any text: random and adversarial titles and summaries (long runs
 * without spaces, Cyrillic, CJK, emoji sequences, combining marks, markup, words that read as
 * links, thousands of words) never loop and always give a post within the limit by the platform's
 * count.
 */
class ComposerTerminatesTest {

  private static final Template TEMPLATE = Template.parse("{title}\n{summary} {link} {hashtags}");
  private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

  private final XText x = new XText();
  private final PostComposer composer = new PostComposer(x);
  private final FeedStyle style = FeedStyle.of(TEMPLATE, List.of("#MedEd"));

  /** Pieces of text that have made composers loop, or cut inside a character. */
  private static final List<IntFunction<String>> PIECES =
      List.of(
          n -> "слово".repeat(1 + n % 7),
          n -> "x.ru",
          n -> "ab.рф",
          n -> "x" + n + ".com",
          n -> "font-family:Arial;color:#333;margin:0 " + n + "px;",
          n -> "漢字かな交じり文".repeat(1 + n % 3),
          n -> "👩🏽‍⚕️",
          n -> "🏳️‍🌈",
          n -> "1️⃣",
          n -> "e\u0301\u0302\u0303",
          n -> "<b>&amp;</b>",
          n -> "@someone",
          n -> "$TICK",
          n -> "a".repeat(50 + n % 400),
          n -> "https://example.org/" + "p".repeat(n % 90),
          n -> "—",
          n -> ",;:",
          n -> "…",
          n -> " ",
          n -> "Results.");

  @Test
  void anyTextEndsInAPostWithinTheLimit() {
    Random random = new Random(20261201);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int round = 0; round < 400; round++) {
            Post post = compose(text(random, 1 + random.nextInt(40)), sentences(random));
            assertThat(post.length()).isBetween(1, x.limit());
            assertThat(x.length(post.text())).isEqualTo(post.length());
          }
        });
  }

  @Test
  void aSummaryOfThousandsOfLinkLikeWordsIsCutQuickly() {
    // Cyrillic words among short ones that twitter-text reads as links: each counts 23, though
    // its characters weigh a few. A cut that trusted the characters' weights never shrank.
    StringBuilder sentence = new StringBuilder();
    for (int i = 0; i < 4000; i++) {
      sentence.append(i % 3 == 0 ? "x.ru " : "исследование ");
    }
    Post post =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> compose("Исследование", List.of(sentence.toString().strip())));

    assertThat(post.length()).isLessThanOrEqualTo(x.limit());
    assertThat(post.text()).startsWith("Исследование\n").contains("…");
  }

  @Test
  void tenThousandSentencesGiveWayInOneStep() {
    List<String> sentences = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      sentences.add("Finding number " + i + " held in every subgroup.");
    }
    Post post =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> compose("A large trial", sentences));

    assertThat(post.text())
        .isEqualTo(
            "A large trial\nFinding number 0 held in every subgroup. Finding number 1 held in"
                + " every subgroup. Finding number 2 held in every subgroup. Finding number 3"
                + " held in every subgroup. Finding number 4 held in every subgroup."
                + " https://doi.org/10.1/x #MedEd");
  }

  @Test
  void aTitleWithNoSpaceInThousandsOfCharactersIsCutBetweenCharacters() {
    Post post =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> compose("語".repeat(5000) + "👩🏽‍⚕️".repeat(300), List.of()));

    assertThat(post.length()).isLessThanOrEqualTo(x.limit());
    assertThat(post.text()).contains("…").doesNotContain("\uFFFD");
  }

  private Post compose(String title, List<String> sentences) {
    Paper paper =
        new Paper(
            "f", "g", title, null, "10.1/x", List.of(), null, null, List.of(), null, "", List.of());
    return composer.compose(style, paper, new Summary(title, sentences), TODAY);
  }

  /** A summary's sentences: a few, or hundreds, within the summariser's 64 KiB of abstract. */
  private static List<String> sentences(Random random) {
    List<String> sentences = new ArrayList<>();
    int count = random.nextInt(6) == 0 ? 100 + random.nextInt(400) : random.nextInt(8);
    int total = 0;
    for (int i = 0; i < count && total < 64 * 1024; i++) {
      String sentence = text(random, 1 + random.nextInt(random.nextInt(10) == 0 ? 600 : 30));
      sentences.add(sentence);
      total += sentence.length();
    }
    return sentences;
  }

  private static String text(Random random, int pieces) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES.get(random.nextInt(PIECES.size())).apply(random.nextInt(1000)));
      if (random.nextInt(3) > 0) {
        text.append(' ');
      }
    }
    String result = text.toString().strip();
    return result.isEmpty() ? "x" : result;
  }
}

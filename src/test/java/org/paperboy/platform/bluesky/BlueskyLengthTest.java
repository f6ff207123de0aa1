package org.paperboy.platform.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.model.SendFailure;
import org.paperboy.publish.PublishException;

/**
 * How long a post is on Bluesky: at most 300 graphemes (extended grapheme clusters, which an emoji
 * with a skin tone, a family joined by zero-width joiners, a flag or a letter with combining
 * accents each is) and 3,000 UTF-8 bytes, of the text as it shows, links shortened. {@link
 * BlueskyText} says one number: the graphemes, or a tenth of the bytes when that is more. The fake
 * PDS counts as a PDS does, so a text at the limit is taken and one past it refused.
 */
class BlueskyLengthTest {

  private static final String THUMBS_UP_MEDIUM = "👍🏽"; // 2 code points, 8 bytes
  private static final String FAMILY = "👨‍👩‍👧"; // 5 code points, 18 bytes
  private static final String E_ACUTE_DECOMPOSED = "e\u0301"; // 2 code points, 3 bytes

  private final BlueskyText rules = new BlueskyText();

  @TempDir Path dir;
  private TestAccount lab;

  @BeforeEach
  void start() throws Exception {
    lab = new TestAccount(dir);
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  @Test
  void threeHundredEmojiWithASkinToneFitAndOneMoreDoesNot() throws Exception {
    String fits = THUMBS_UP_MEDIUM.repeat(300);
    String over = THUMBS_UP_MEDIUM.repeat(301);

    assertThat(rules.limit()).isEqualTo(300);
    assertThat(rules.length(fits)).isEqualTo(300);
    assertThat(rules.length(over)).isEqualTo(301);
    lab.publisher().publish(lab.queue(fits));
    assertThatThrownBy(() -> lab.publisher().publish(lab.queue(over)))
        .isInstanceOfSatisfying(
            PublishException.class, e -> assertThat(e.failure()).isEqualTo(SendFailure.REJECTED))
        .hasMessageContaining("grapheme too big (maximum 300, got 301)");
    assertThat(lab.pds.records()).hasSize(1);
  }

  @Test
  void graphemesAreCountedNotCodePointsOrChars() {
    assertThat(BlueskyText.graphemes("🇫🇷🇩🇪")).isEqualTo(2);
    assertThat(BlueskyText.graphemes("1️⃣")).isEqualTo(1);
    assertThat(BlueskyText.graphemes("👩🏽‍🔬")).isEqualTo(1);
    assertThat(BlueskyText.graphemes(FAMILY)).isEqualTo(1);
    assertThat(rules.length(E_ACUTE_DECOMPOSED.repeat(300))).isEqualTo(300);
    assertThat(rules.length("細胞".repeat(150))).isEqualTo(300);
    assertThat(rules.length("👩🏽‍🔬")).as("one grapheme of 15 bytes").isEqualTo(2);
  }

  @Test
  void bytesCountWhenTheyOutweighTheGraphemes() throws Exception {
    String fits = FAMILY.repeat(166); // 166 graphemes, 2,988 bytes
    String over = FAMILY.repeat(167); // 167 graphemes, 3,006 bytes

    assertThat(rules.length(fits)).isEqualTo(299);
    assertThat(rules.length(over)).isEqualTo(301);
    lab.publisher().publish(lab.queue(fits));
    assertThatThrownBy(() -> lab.publisher().publish(lab.queue(over)))
        .isInstanceOfSatisfying(
            PublishException.class, e -> assertThat(e.failure()).isEqualTo(SendFailure.REJECTED))
        .hasMessageContaining("string too big (maximum 3000, got 3006)");
  }

  @Test
  void aLinkCountsAsItShows() throws Exception {
    String link = "https://doi.org/10.1038/" + "s".repeat(100);
    String text = "a".repeat(269) + " " + link; // 394 chars; 270 + 30 as it shows

    assertThat(rules.length(text)).isEqualTo(300);
    assertThat(rules.length("a" + text)).isEqualTo(301);
    lab.publisher().publish(lab.queue(text));
    assertThat(lab.pds.records().get(0).record().path("text").asText()).hasSize(300);
  }

  @Test
  void theCountsOfLinksAndTagsAreBlueskysOwn() {
    assertThat(rules.platform()).isEqualTo("bluesky");
    assertThat(rules.holdsLink("Read https://doi.org/10.1/x")).isTrue();
    assertThat(rules.holdsLink("Read doi.org/10.1/x")).isFalse();
    assertThat(rules.isHashtag("#Biology")).isTrue();
    assertThat(rules.isHashtag("#細胞生物学")).isTrue();
    assertThat(rules.isHashtag("#2024")).isFalse();
    assertThat(rules.isHashtag("#" + "a".repeat(65))).isFalse();
    assertThat(rules.neutralise("@someone wrote")).isEqualTo("@someone wrote");
  }
}

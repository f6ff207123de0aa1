package org.paperboy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paperboy.platform.x.XText;

/** Cuts by X's count, where a Latin letter weighs 1 and the ellipsis 2. */
class WordCutTest {

  // 50 characters; "mortality" ends at the 28th.
  private static final String SENTENCE = "Early care reduced mortality in adults with sepsis";

  private final WordCut words = new WordCut(new XText());

  @Test
  void textThatFitsIsKeptWhole() {
    assertThat(words.cut(SENTENCE, 50)).isEqualTo(SENTENCE);
    assertThat(words.cut(SENTENCE, 80)).isEqualTo(SENTENCE);
  }

  @Test
  void aCutEndsAtAWordThatFitsWithItsEllipsisToTheLastCharacter() {
    assertThat(words.cut(SENTENCE, 30)).isEqualTo("Early care reduced mortality…");
  }

  @Test
  void aCutNeverEndsInsideAWord() {
    assertThat(words.cut(SENTENCE, 29)).isEqualTo("Early care reduced…");
  }

  @Test
  void aCutWithRoomForFewerThanTwentyCharactersIsLeftOut() {
    assertThat(words.cut(SENTENCE, 22)).isEqualTo("Early care reduced…");
    assertThat(words.cut(SENTENCE, 21)).isEmpty();
  }

  @Test
  void dropsTheSeparatorsACutWouldLeaveDangling() {
    assertThat(words.cut("Early care, in adults with sepsis, reduced mortality", 38))
        .isEqualTo("Early care, in adults with sepsis…");
  }

  @Test
  void textWithoutSpacesIsCutBetweenCharactersNeverInsideOne() {
    // Each Chinese character weighs 2: eleven and the ellipsis fill 24.
    assertThat(words.cut("广州海珠斯萤叶甲属一新种描述了一新种", 24)).isEqualTo("广州海珠斯萤叶甲属一新…");
    // An e and its combining acute accent are one character, whose two halves the scan may
    // part: the cut falls before it.
    assertThat(words.cut("e\u0301".repeat(40), 25)).isEqualTo("e\u0301".repeat(11) + "…");
  }
}

package org.paperboy.summarise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void dropsCharactersThatXRefusesOrThatShowAsNothing() {
    // Bidi embeddings and overrides (U+202A to U+202E), a delete and a bell, a zero-width space,
    // a word joiner and a soft hyphen.
    String text =
        "\u202AEarly\u202E care\u007F in\u0007 sep\u200Bsis\u2060 and\u00AD shock\u202B\u202D";

    assertThat(HtmlText.of(text)).isEqualTo("Early care in sepsis and shock");
    assertThat(HtmlText.of("<p>" + text + "</p>")).isEqualTo("Early care in sepsis and shock");
  }

  @Test
  void foldsEveryKindOfSpaceIntoOne() {
    assertThat(HtmlText.of(" \tEarly\u00A0\u2007care\r\n\u000B\fin sepsis\n"))
        .isEqualTo("Early care in sepsis");
  }
}

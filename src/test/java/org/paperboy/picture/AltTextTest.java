package org.paperboy.picture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which alt text describes a picture, and alt text cut to a limit. */
class AltTextTest {

  @Test
  void wordsThatDescribeThePictureAreKept() {
    assertThat(AltText.describes("Shurui Zhou")).isTrue();
    assertThat(AltText.describes("Kaplan–Meier curves of survival by arm")).isTrue();
    assertThat(AltText.describes("Figure 2: enrolment flow")).isTrue();
  }

  @Test
  void fileNamesIdsAndWordsThatOnlySayPictureAreNot() {
    for (String alt :
        new String[] {
          "Ent1_copy",
          "IMG_2041",
          "fig1",
          "toc.gif",
          "abstract.JPEG",
          "image",
          "Image.",
          "Graphical abstract",
          "TOC Graphic",
          "thumbnail",
          "  ",
          "ab",
          ""
        }) {
      assertThat(AltText.describes(alt)).as(alt).isFalse();
    }
    assertThat(AltText.describes(null)).isFalse();
  }

  @Test
  void aLongAltTextIsCutAfterAWholeWordWithinTheLimit() {
    assertThat(AltText.within("Short enough", 20)).isEqualTo("Short enough");
    assertThat(AltText.within("Forest plot of mortality by arm", 20)).isEqualTo("Forest plot of…");
    assertThat(AltText.within("Forest plot of mortality by arm", 20).length())
        .isLessThanOrEqualTo(20);
    assertThat(AltText.within("Supercalifragilisticexpialidocious", 10))
        .as("one long word is cut where the limit falls")
        .isEqualTo("Supercali…");
  }
}

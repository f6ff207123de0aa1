package org.paperboy.summarise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleCleanerTest {

  @Test
  void dropsAcsAsapMarks() {
    assertThat(TitleCleaner.clean("[ASAP] Graphene Nanoribbons for Sensing"))
        .isEqualTo("Graphene Nanoribbons for Sensing");
  }

  @Test
  void dropsArxivRssIdentifiers() {
    assertThat(TitleCleaner.clean("Sparse attention at scale. (arXiv:2511.01234v1 [cs.LG])"))
        .isEqualTo("Sparse attention at scale.");
  }

  @Test
  void dropsMdpiVolumeAndPagesPrefixes() {
    assertThat(
            TitleCleaner.clean(
                "Fluids, Vol. 9, Pages 120: Environmental Hydraulics, Second Edition"))
        .isEqualTo("Environmental Hydraulics, Second Edition");
  }

  @Test
  void decodesMarkupEscapedOnceOrTwice() {
    assertThat(TitleCleaner.clean("A new &lt;i&gt;Homo&lt;/i&gt; species"))
        .isEqualTo("A new Homo species");
    assertThat(TitleCleaner.clean("CO<sub>2</sub> &amp;amp; climate")).isEqualTo("CO2 & climate");
    assertThat(TitleCleaner.clean("CO&lt;sub&gt;2&lt;/sub&gt; uptake")).isEqualTo("CO2 uptake");
  }

  @Test
  void cleansPlainTextAsItCleansHtml() {
    // Plain text is not parsed as HTML; a soft hyphen (Taylor & Francis) and a carriage return
    // still come out as they do from markup.
    String plain = "\u00ADThe tadpole of the\r\nstream  treefrog";
    assertThat(TitleCleaner.clean(plain))
        .isEqualTo(TitleCleaner.clean("<i></i>" + plain))
        .isEqualTo("The tadpole of the stream treefrog");
  }

  @Test
  void dropsStrayByteOrderMarks() {
    assertThat(TitleCleaner.clean("\uFEFFChecklist of \uFEFFleafhoppers"))
        .isEqualTo("Checklist of leafhoppers");
  }
}

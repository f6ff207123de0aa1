package org.paperboy.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Paper;
import org.paperboy.model.PictureRef;
import org.paperboy.testing.Fixtures;

/** Where an entry's picture may be had: the {@code <img>}s of its own HTML, in order. */
class EntryPicturesTest {

  private static final URI FEED = URI.create("https://feeds.example.org/x");

  private final FeedParser parser = new FeedParser();

  private List<Paper> papers(String fixture) throws FeedParseException {
    return parser.parse("f", Fixtures.feedBytes(fixture), null, FEED).papers();
  }

  private List<Paper> papersOf(String description) throws FeedParseException {
    String rss =
        "<rss version=\"2.0\"><channel><title>t</title><item><title>A trial</title>"
            + "<link>https://journal.example/articles/1</link><guid>g</guid><description><![CDATA["
            + description
            + "]]></description></item></channel></rss>";
    return parser.parse("f", rss.getBytes(StandardCharsets.UTF_8), null, FEED).papers();
  }

  @Test
  void aRelativeSrcIsResolvedAgainstTheEntrysLinkAndKeepsItsAlt() throws Exception {
    Paper zhou = papers("blog_neverworkintheory_research-summaries_atom_2024-03.xml").get(1);

    assertThat(zhou.pictures())
        .containsExactly(
            new PictureRef(
                "https://neverworkintheory.org/static/2023-04/zhou-shurui.png", "Shurui Zhou"));
  }

  @Test
  void anEntryWithoutAnImgHasNoPicture() throws Exception {
    assertThat(
            papers("blog_neverworkintheory_research-summaries_atom_2024-03.xml").get(0).pictures())
        .isEmpty();
  }

  @Test
  void anAbsoluteSrcWithoutAFileExtensionIsStillAPlaceToLook() throws Exception {
    List<Paper> typepad = papers("blog_expertopinionent_medical-education_atom_2017-04.xml");

    assertThat(typepad.get(42).pictures())
        .containsExactly(
            new PictureRef(
                "http://expertopinionent.typepad.com/.a/6a017d3e79c482970c017eea56dccb970d-800wi",
                "Ent1_copy"));
    assertThat(typepad.subList(0, 42)).allMatch(paper -> paper.pictures().isEmpty());
  }

  @Test
  void trackersIconsAndAddressesThatFetchNothingAreLeftOutUnfetched() throws Exception {
    Paper paper =
        papersOf(
                "<img src=\"https://stats.example/pixel.gif\" width=\"1\" height=\"1\">"
                    + "<img src=\"/icons/pdf.png\" width=\"16px\">"
                    + "<img src=\"data:image/png;base64,iVBORw0KGgo=\">"
                    + "<img src=\"javascript:alert(1)\">"
                    + "<img alt=\"no src\">"
                    + "<img data-src=\"/figures/toc.jpg\" alt=\"Trial flow\">"
                    + "<img src=\"/figures/toc.jpg\" alt=\"the same again\">"
                    + "<img src=\"figure 2.png\" width=\"600\">")
            .get(0);

    assertThat(paper.pictures())
        .containsExactly(
            new PictureRef("https://journal.example/figures/toc.jpg", "Trial flow"),
            new PictureRef("https://journal.example/articles/figure%202.png", null));
  }

  @Test
  void onlyTheFirstFewAreWorthTrying() throws Exception {
    StringBuilder gallery = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      gallery.append("<img src=\"/f").append(i).append(".png\">");
    }

    assertThat(papersOf(gallery.toString()).get(0).pictures())
        .extracting(PictureRef::url)
        .containsExactly(
            "https://journal.example/f1.png",
            "https://journal.example/f2.png",
            "https://journal.example/f3.png",
            "https://journal.example/f4.png",
            "https://journal.example/f5.png");
  }
}

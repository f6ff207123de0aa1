package org.paperboy.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Paper;
import org.paperboy.testing.Fixtures;

/** Links made canonical without losing a paper, and the DOIs read from them. */
class EntryLinksTest {

  private static final URI FEED = URI.create("https://feeds.example.org/x");

  private final FeedParser parser = new FeedParser();

  private ParsedFeed parse(String xml) throws FeedParseException {
    return parser.parse("f", xml.getBytes(StandardCharsets.UTF_8), null, FEED);
  }

  private static String rss(String... links) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < links.length; i++) {
      items.append(
          "<item><title>Paper %d</title><link>%s</link><guid>g%d</guid></item>"
              .formatted(i, links[i].replace("&", "&amp;"), i));
    }
    return "<rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>";
  }

  @Test
  void aDoiTakenFromALinkEndsWhereItsPathEnds() throws Exception {
    String ijsem = Fixtures.feedText("microbiologysociety_ijsem_track-rss.xml");
    // The same layout on a host whose TRACK parameter no table knows: the DOI still ends at '?'.
    String unknownHost = ijsem.replace("www.microbiologyresearch.org", "journals.example.org");

    for (String feed : List.of(ijsem, unknownHost)) {
      assertThat(parse(feed).papers())
          .extracting(Paper::doi)
          .containsExactly("10.1099/ijsem.0.005176", "10.1099/ijsem.0.005170");
    }
    assertThat(parse(ijsem).papers().get(0).link())
        .isEqualTo(
            "https://www.microbiologyresearch.org/content/journal/ijsem/10.1099/ijsem.0.005176");
  }

  @Test
  void cnkiArticlesThatDifferOnlyInTheirVParameterStayTwentyPapers() throws Exception {
    ParsedFeed cnki =
        parser.parse(
            "cnki", Fixtures.feedBytes("cnki_plant-diversity-resources_chinese.xml"), null, FEED);

    assertThat(cnki.papers()).hasSize(20);
    assertThat(cnki.papers().stream().map(Paper::identity).distinct()).hasSize(20);
    assertThat(cnki.papers().get(0).link())
        .startsWith("https://T.cnki.net/kcms/detail?v=f99WHsIHPNn2moXsTD3Vloy7hKhB2G4bTEwzkB");
    assertThat(cnki.warnings()).isEmpty();
  }

  @Test
  void aTrackingParameterIsDroppedOnlyOnTheHostsWhereItIsKnownToTrack() {
    assertThat(Links.canonical("https://pubmed.ncbi.nlm.nih.gov/trending/?v=2.16.2&fc=1", FEED))
        .isEqualTo("https://pubmed.ncbi.nlm.nih.gov/trending/");
    assertThat(Links.canonical("https://t.cnki.net/kcms/detail?v=abc", FEED))
        .isEqualTo("https://t.cnki.net/kcms/detail?v=abc");
    assertThat(Links.canonical("https://agupubs.onlinelibrary.wiley.com/doi/10.1029/x?af=R", FEED))
        .isEqualTo("https://agupubs.onlinelibrary.wiley.com/doi/10.1029/x");
    assertThat(Links.canonical("https://journals.example.org/view?af=R", FEED))
        .isEqualTo("https://journals.example.org/view?af=R");
    assertThat(Links.canonical("https://journals.example.org/a?id=7&utm_source=rss", FEED))
        .isEqualTo("https://journals.example.org/a?id=7");
    assertThat(
            Links.canonical(
                "https://www.microbiologyresearch.org/content/journal/ijsem/10.1099/x?TRACK=RSS",
                FEED))
        .isEqualTo("https://www.microbiologyresearch.org/content/journal/ijsem/10.1099/x");
  }

  @Test
  void aPubMedLinkIsReducedToItsPmidWhateverFollowsIt() {
    assertThat(Links.canonical("https://pubmed.ncbi.nlm.nih.gov/34929406?dopt=Abstract", FEED))
        .isEqualTo("https://pubmed.ncbi.nlm.nih.gov/34929406/");
    assertThat(Links.canonical("https://pubmed.ncbi.nlm.nih.gov/?term=sepsis", FEED))
        .as("a search, not a paper")
        .isEqualTo("https://pubmed.ncbi.nlm.nih.gov/?term=sepsis");
  }

  @Test
  void anArxivLinkOnAnyArxivHostPointsAtTheAbstractPage() {
    assertThat(Links.canonical("https://export.arxiv.org/pdf/2511.01234v1.pdf", FEED))
        .isEqualTo("https://arxiv.org/abs/2511.01234v1");
    assertThat(Links.canonical("https://journals.example.org/abs/2511.01234v1", FEED))
        .isEqualTo("https://journals.example.org/abs/2511.01234v1");
    assertThat(Links.canonical("https://notarxiv.org/abs/2511.01234v1", FEED))
        .isEqualTo("https://notarxiv.org/abs/2511.01234v1");
  }

  @Test
  void aLinkThatIsNoWebAddressIsKeptAsWritten() {
    assertThat(Links.canonical("ftp://files.example.org/a.pdf?utm_source=rss", FEED))
        .isEqualTo("ftp://files.example.org/a.pdf?utm_source=rss");
    assertThat(Links.canonical(" see the issue %zz ", FEED)).isEqualTo("see the issue %zz");
    assertThat(Links.canonical(null, FEED)).isNull();
  }

  @Test
  void entriesWithDifferentGuidsAndLinksAreNeverMergedByMakingTheirLinksCanonical()
      throws Exception {
    ParsedFeed feed =
        parse(
            rss(
                "https://news.example.org/paper?utm_source=rss&utm_content=101&full",
                "https://news.example.org/paper?utm_source=rss&utm_content=102&full"));

    assertThat(feed.papers())
        .extracting(Paper::link)
        .containsExactly(
            "https://news.example.org/paper?utm_content=101&full",
            "https://news.example.org/paper?utm_content=102&full");
    assertThat(feed.warnings()).isEmpty();
  }

  @Test
  void oneEntryListedTwiceWithDifferentTrackingIsStillOnePaper() throws Exception {
    String twice =
        "<rss version=\"2.0\"><channel><title>t</title>"
            + "<item><title>A</title><link>https://news.example.org/a?utm_source=rss</link>"
            + "<guid>a</guid></item>"
            + "<item><title>A</title><link>https://news.example.org/a?utm_source=mail</link>"
            + "<guid>a</guid></item></channel></rss>";

    assertThat(parse(twice).papers())
        .extracting(Paper::link)
        .containsOnly("https://news.example.org/a");
  }

  @Test
  void aWarningNamesTwoGroupsOfCollapsedEntriesAndCountsTheRest() throws Exception {
    String two = "https://journals.example.org/issue/2";
    String three = "https://journals.example.org/issue/3";
    String four = "https://journals.example.org/issue/4";

    assertThat(parse(rss(two, two, three, three)).warnings())
        .containsExactly(
            "2 of 4 entries will not be posted: each has the same DOI or link as another entry"
                + " with a different guid (link:"
                + two
                + " for guids g0, g1; link:"
                + three
                + " for guids g2, g3)");
    assertThat(parse(rss(two, two, three, three, four, four)).warnings())
        .singleElement()
        .asString()
        .startsWith("3 of 6 entries will not be posted")
        .endsWith("for guids g2, g3; and 1 more)");
  }

  @Test
  void aFeedWhoseEntriesCollapseIntoOnePaperIsWarnedAbout() throws Exception {
    ParsedFeed feed =
        parse(
            rss(
                "https://journals.example.org/issue/current",
                "https://journals.example.org/issue/current",
                "https://journals.example.org/issue/current"));

    assertThat(feed.papers()).hasSize(3);
    assertThat(feed.warnings())
        .containsExactly(
            "2 of 3 entries will not be posted: each has the same DOI or link as another entry"
                + " with a different guid (link:https://journals.example.org/issue/current for"
                + " guids g0, g1, g2)");
  }
}

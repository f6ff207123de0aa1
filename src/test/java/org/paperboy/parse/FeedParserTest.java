package org.paperboy.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Author;
import org.paperboy.model.Paper;
import org.paperboy.testing.Fixtures;

class FeedParserTest {

  private final FeedParser parser = new FeedParser();

  private List<Paper> papers(String fixture) throws FeedParseException {
    return parser
        .parse("f", Fixtures.feedBytes(fixture), null, URI.create("https://feeds.example.org/x"))
        .papers();
  }

  private List<Paper> papersOf(String xml) throws FeedParseException {
    return parser
        .parse(
            "f", xml.getBytes(StandardCharsets.UTF_8), null, URI.create("https://example.org/feed"))
        .papers();
  }

  @Test
  void parsesRdfItemWithDoiOnlyInDcIdentifier() throws Exception {
    Paper paper = papers("elsevier-health_jpeds_atypon-rss1_1item.xml").get(0);

    assertThat(paper.doi()).isEqualTo("10.1016/j.jpeds.2018.08.009");
    assertThat(paper.journal()).isEqualTo("The Journal of Pediatrics");
    assertThat(paper.authors())
        .hasSize(13)
        .extracting(Author::name)
        .startsWith("Gbolahan Ajibola", "Jean Leidner");
  }

  @Test
  void readsPrismDoiFromOjsRss1() throws Exception {
    Paper paper = papers("ojs_journal-threatened-taxa_rss1.xml").get(0);

    assertThat(paper.doi()).isEqualTo("10.11609/jott.6679.13.13.20066-20071");
  }

  @Test
  void takesTheDoiNotThePmidFromPubMedIdentifiers() throws Exception {
    Paper paper = papers("pubmed_search-new-species.xml").get(0);

    assertThat(paper.guid()).isEqualTo("pubmed:34929406");
    assertThat(paper.doi()).isEqualTo("10.1016/j.parint.2021.102531");
    assertThat(paper.journal()).isEqualTo("Parasitology international");
    assertThat(paper.authors()).extracting(Author::name).startsWith("Xiao Jin", "Wenxiang Li");
    assertThat(paper.abstractHtml()).contains("Gyrodactylus");
  }

  @Test
  void normalisesMdpiDoiWrittenWithASpaceAfterThePrefix() throws Exception {
    assertThat(papers("mdpi_fluids.xml").get(0).doi()).isEqualTo("10.3390/fluids9060120");
  }

  @Test
  void readsScienceInfoDoiIdentifierUnderTheOldPrismNamespace() throws Exception {
    List<Paper> science = papers("science_aaas_current-issue_2021-05.xml");

    assertThat(science)
        .extracting(Paper::doi)
        .containsExactly("10.1126/science.abj4606", "10.1126/science.372.6544.770");
  }

  @Test
  void findsTheDoiInBmcArticleUrls() throws Exception {
    assertThat(papers("med_bmc_bmc-bioinformatics_rss2_2025-04_trimmed.xml").get(0).doi())
        .isEqualTo("10.1186/s12859-025-06113-4");
  }

  @Test
  void takesPlosAtomIdAsABareDoi() throws Exception {
    Paper paper = papers("med_plos_ploscompbiol_atom_2025-04_reserialized.xml").get(0);

    assertThat(paper.guid()).isEqualTo("10.1371/journal.pcbi.1012994");
    assertThat(paper.doi()).isEqualTo("10.1371/journal.pcbi.1012994");
    assertThat(paper.published()).isEqualTo(Instant.parse("2025-04-11T14:00:00Z"));
  }

  @Test
  void trimsTheWhitespaceBiorxivWrapsAroundLinksAndTitles() throws Exception {
    Paper paper = papers("biorxiv_genomics_2023_1item.xml").get(0);

    assertThat(paper.link()).isEqualTo("http://biorxiv.org/cgi/content/short/2023.12.16.571984v1");
    assertThat(paper.title()).startsWith("Complete genome").doesNotStartWith(" ");
    assertThat(paper.doi()).isEqualTo("10.1101/2023.12.16.571984");
  }

  @Test
  void joinsSurnameFirstAuthorsWithTheirInitials() throws Exception {
    assertThat(papers("biorxiv_genomics_2023_1item.xml").get(0).authors())
        .extracting(Author::name)
        .startsWith("LAPALU, N.", "SIMON, A.");
  }

  @Test
  void parsesPensoftRss091WithoutXmlDeclarationAfterABlankLine() throws Exception {
    List<Paper> zookeys = papers("pensoft_zookeys.xml");

    assertThat(zookeys).hasSize(100);
    assertThat(zookeys.get(0).doi()).isEqualTo("10.3897/zookeys.1078.47616");
  }

  @Test
  void reducesPubMedLinksToTheirPmidAndDropsTrackingParameters() throws Exception {
    assertThat(papers("pubmed_search-new-species.xml").get(0).link())
        .isEqualTo("https://pubmed.ncbi.nlm.nih.gov/34929406/");
    assertThat(papers("wiley_taxon.xml").get(0).link())
        .isEqualTo("https://onlinelibrary.wiley.com/doi/10.1002/tax.12650");
    assertThat(papers("elsevier_sciencedirect_mol-phylogenet-evol.xml").get(0).link())
        .isEqualTo("https://www.sciencedirect.com/science/article/pii/S1055790321002906");
  }

  @Test
  void aWileyTableOfContentsEntryWhoseDescriptionIsItsCitationHasNoAbstract() throws Exception {
    Paper toc =
        papers("wiley_taxon.xml").stream()
            .filter(p -> p.guid().equals("10.1002/tax.12636"))
            .findFirst()
            .orElseThrow();
    Paper withAbstract = papers("wiley_taxon.xml").get(0);

    assertThat(toc.abstractHtml()).isEmpty();
    assertThat(toc.doi()).isEqualTo("10.1002/tax.12636");
    assertThat(withAbstract.abstractHtml()).startsWith("<h2>Abstract</h2>");
  }

  @Test
  void pointsArxivLinksAtTheAbstractPage() throws Exception {
    List<Paper> papers =
        papersOf(
            """
            <rss version="2.0"><channel><title>arXiv</title>
              <item><title>A (arXiv:2511.01234v1 [cs.LG])</title><link>http://arxiv.org/pdf/2511.01234v1</link></item>
            </channel></rss>
            """);

    assertThat(papers.get(0).link()).isEqualTo("https://arxiv.org/abs/2511.01234v1");
  }

  @Test
  void readsAtomAuthorsOrcidAndTheArticleType() throws Exception {
    List<Paper> papers =
        papersOf(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <title>t</title>
              <entry><id>x</id><title>Correction to: A</title><updated>2026-01-01T00:00:00Z</updated>
                <author><name>Jane Smith</name><uri>https://orcid.org/0000-0002-1825-0097</uri></author>
                <dc:type>Correction</dc:type>
              </entry>
            </feed>
            """);

    assertThat(papers.get(0).authors())
        .containsExactly(new Author("Jane Smith", "0000-0002-1825-0097"));
    assertThat(papers.get(0).articleType()).isEqualTo("Correction");
  }

  @Test
  void readsTheArticleTypeFromPrismSectionOrGenreAndTheJournalFromPrism() throws Exception {
    // PRISM's own namespaces, and the RSS 1.0 module's.
    List<Paper> papers =
        papersOf(
            """
            <rss version="2.0" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/"
                 xmlns:rssprism="http://purl.org/rss/1.0/modules/prism/">
              <channel><title>The Lancet online first</title>
              <item><title>A</title><link>https://example.org/a</link>
                <prism:publicationName>The Lancet</prism:publicationName>
                <prism:section>Articles</prism:section></item>
              <item><title>B</title><link>https://example.org/b</link>
                <rssprism:genre> Review </rssprism:genre></item>
              <item><title>C</title><link>https://example.org/c</link></item>
            </channel></rss>
            """);

    assertThat(papers)
        .extracting(Paper::journal, Paper::articleType)
        .containsExactly(
            Tuple.tuple("The Lancet", "Articles"),
            Tuple.tuple("The Lancet online first", "Review"),
            Tuple.tuple("The Lancet online first", null));
  }

  @Test
  void theFeedsTitleIsReadWithItsWhitespaceFoldedAndNamesTheJournalWhereNothingElseDoes()
      throws Exception {
    ParsedFeed feed =
        parser.parse(
            "f",
            """
            <rss version="2.0"><channel><title>
                Journal of
                Tropical   Ecology </title>
              <item><title>A</title><link>https://example.org/a</link></item>
            </channel></rss>
            """
                .getBytes(StandardCharsets.UTF_8),
            null,
            URI.create("https://example.org/feed"));

    assertThat(feed.title()).isEqualTo("Journal of Tropical Ecology");
    assertThat(feed.papers().get(0).journal()).isEqualTo("Journal of Tropical Ecology");
  }

  @Test
  void readsEachCategoryOnceAndNoBlankOne() throws Exception {
    List<Paper> papers =
        papersOf(
            """
            <rss version="2.0"><channel><title>t</title>
              <item><title>A</title><link>https://example.org/a</link>
                <category>Sepsis</category><category> </category><category>Trials</category>
                <category> Sepsis </category></item>
            </channel></rss>
            """);

    assertThat(papers.get(0).categories()).containsExactly("Sepsis", "Trials");
  }

  @Test
  void readsAnRssItemsAuthorAndItsDublinCoreDate() throws Exception {
    List<Paper> papers =
        papersOf(
            """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
              <item><title>A</title><link>https://example.org/a</link>
                <author>Jane Smith</author><dc:date>2025-04-11T15:00:00Z</dc:date></item>
            </channel></rss>
            """);

    assertThat(papers.get(0).authors()).containsExactly(Author.named("Jane Smith"));
    assertThat(papers.get(0).published()).isEqualTo(Instant.parse("2025-04-11T15:00:00Z"));
  }

  @Test
  void datesAnAtomEntryByItsPublicationElseByItsLastUpdate() throws Exception {
    List<Paper> papers =
        papersOf(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
              <entry><id>a</id><title>A</title>
                <published>2025-04-11T15:00:00Z</published><updated>2025-04-12T09:00:00Z</updated>
              </entry>
              <entry><id>b</id><title>B</title><updated>2025-04-12T09:00:00Z</updated></entry>
            </feed>
            """);

    assertThat(papers)
        .extracting(Paper::published)
        .containsExactly(
            Instant.parse("2025-04-11T15:00:00Z"), Instant.parse("2025-04-12T09:00:00Z"));
  }

  @Test
  void readsDigitsPastTheMillisecondAsAFractionOfASecond() throws Exception {
    // ROME alone reads ".123456" as 123,456 milliseconds: two minutes late.
    List<Paper> papers =
        papersOf(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
              <entry><id>a</id><title>A</title><published>2025-04-11T15:00:00.123456Z</published>
              </entry>
            </feed>
            """);

    assertThat(papers.get(0).published()).isEqualTo(Instant.parse("2025-04-11T15:00:00.123Z"));
  }

  @Test
  void takesTheLongestTextAsTheAbstractWhereverTheFeedPutIt() throws Exception {
    List<Paper> papers =
        papersOf(
            """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
              <item><title>A</title><link>https://example.org/a</link>
                <description>Short.</description>
                <dc:description>Sepsis kills. Early care saves lives.</dc:description></item>
            </channel></rss>
            """);

    assertThat(papers.get(0).abstractHtml()).isEqualTo("Sepsis kills. Early care saves lives.");
  }

  @Test
  void readsAFeedThatUsesHtmlEntitiesXmlDoesNotDeclare() throws Exception {
    List<Paper> papers =
        papersOf(
            """
            <rss version="2.0"><channel><title>t</title>
              <item><title>Sepsis in M&aacute;laga &ndash; a cohort</title>
                <link>https://example.org/a</link></item>
            </channel></rss>
            """);

    assertThat(papers.get(0).title()).isEqualTo("Sepsis in Málaga – a cohort");
  }

  @Test
  void readsEveryPublisherFeedInTheFixtures() throws Exception {
    for (String fixture : Fixtures.allFeeds()) {
      List<Paper> papers = papers(fixture);
      assertThat(papers)
          .as(fixture)
          .allSatisfy(
              p -> {
                assertThat(p.guid()).isNotBlank();
                assertThat(p.title()).isNotBlank();
                assertThat(p.feedId()).isEqualTo("f");
              });
    }
  }

  @Test
  void emptyFeedsGiveNoPapers() throws Exception {
    assertThat(papers("jstage_atom_empty.xml")).isEmpty();
    assertThat(papers("arxiv_api_2026_zero-results.xml")).isEmpty();
    assertThat(papers("arxiv_rss_cs_weekend-empty.xml")).isEmpty();
  }

  @Test
  void parsesRss090AndAtom03() throws Exception {
    List<Paper> rss090 =
        papersOf(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns="http://my.netscape.com/rdf/simple/0.9/">
              <channel><title>Old</title><link>https://example.org/</link><description>d</description></channel>
              <item><title>A paper</title><link>https://example.org/a</link></item>
            </rdf:RDF>
            """);
    List<Paper> atom03 =
        papersOf(
            """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Old Atom</title>
              <entry>
                <title>Another paper</title>
                <link rel="alternate" type="text/html" href="https://example.org/b"/>
                <id>tag:example.org,2005:b</id>
                <issued>2005-01-01T00:00:00Z</issued>
                <summary>doi:10.1234/ABC.5</summary>
              </entry>
            </feed>
            """);

    assertThat(rss090)
        .extracting(Paper::title, Paper::link)
        .containsExactly(Tuple.tuple("A paper", "https://example.org/a"));
    assertThat(atom03)
        .extracting(Paper::guid, Paper::doi)
        .containsExactly(Tuple.tuple("tag:example.org,2005:b", "10.1234/abc.5"));
  }

  @Test
  void resolvesRelativeLinksAgainstTheFeedUrl() throws Exception {
    List<Paper> papers =
        papersOf(
            """
            <rss version="2.0"><channel><title>t</title>
              <item><title>Relative</title><link>/article/42</link></item>
            </channel></rss>
            """);

    assertThat(papers.get(0).link()).isEqualTo("https://example.org/article/42");
  }

  @Test
  void refusesADoctypeSoNoEntityIsEverExpanded() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&secret;</title>
          <item><title>&secret;</title><link>https://example.org/x</link></item>
        </channel></rss>
        """;

    assertThatThrownBy(() -> papersOf(xxe))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith("https://example.org/feed is not a readable feed:")
        .hasMessageNotContaining("root:");
  }

  @Test
  void refusesTheCaptchaPageOupServedInsteadOfAFeed() {
    byte[] page = Fixtures.pageBytes("oup_captcha-challenge_instead-of-feed.html");

    assertThatThrownBy(
            () ->
                parser.parse("oup", page, "text/html", URI.create("https://academic.oup.com/rss")))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("https://academic.oup.com/rss served an HTML page, not a feed");
  }

  @Test
  void anRssDocumentWithoutAChannelIsANamedParseErrorNotACrash() {
    // What servers send for an empty or broken feed; ROME meets it with a NullPointerException.
    assertThatThrownBy(() -> papersOf("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n</rss>"))
        .isInstanceOf(FeedParseException.class)
        .hasMessage(
            "https://example.org/feed is not a readable feed: an <rss> document without a"
                + " <channel> (servers send one for an empty or broken feed)");
    assertThatThrownBy(() -> papersOf("<rss></rss>")).isInstanceOf(FeedParseException.class);
  }

  @Test
  void truncatedXmlIsAParseErrorNamingTheFeed() {
    String truncated = Fixtures.feedText("mdpi_fluids.xml").substring(0, 900);

    assertThatThrownBy(() -> papersOf(truncated))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("https://example.org/feed is not a readable feed: Invalid XML: ");
  }

  @Test
  void eachThreadsReusedXmlParserStaysSafeAndReadyAfterAnyFeed() throws Exception {
    String good = Fixtures.feedText("mdpi_fluids.xml");
    String doctype =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY e \"x\">]>"
            + "<rss version=\"2.0\"><channel><title>&e;</title></channel></rss>";
    int entries = papersOf(good).size();

    for (int round = 0; round < 2; round++) {
      assertThatThrownBy(() -> papersOf(doctype)).isInstanceOf(FeedParseException.class);
      assertThatThrownBy(() -> papersOf(good.substring(0, 900)))
          .isInstanceOf(FeedParseException.class);
      assertThat(papersOf(good)).hasSize(entries);
    }
  }
}

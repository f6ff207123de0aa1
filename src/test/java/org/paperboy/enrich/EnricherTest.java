package org.paperboy.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.fetch.FeedFetcher;
import org.paperboy.fetch.FetchLimits;
import org.paperboy.fetch.FetchResult;
import org.paperboy.fetch.Validators;
import org.paperboy.model.Author;
import org.paperboy.model.Paper;
import org.paperboy.model.Summary;
import org.paperboy.parse.FeedParser;
import org.paperboy.summarise.Summariser;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.Fixtures;

/** Article pages served on 127.0.0.1, as the publishers served them. */
class EnricherTest {

  private FeedServer server;
  private Enricher enricher;

  @BeforeEach
  void start() throws Exception {
    server = new FeedServer();
    FeedFetcher fetcher =
        new FeedFetcher(
            new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(1), 3_000_000), "t");
    PageSource pages =
        url ->
            fetcher.fetch(url, Validators.NONE) instanceof FetchResult.Fetched f
                ? Optional.of(f.body())
                : Optional.empty();
    enricher = new Enricher(pages, 10);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Paper bare(String path) {
    return new Paper(
        "toc",
        path,
        "T",
        server.url(path).toString(),
        null,
        List.of(),
        null,
        null,
        List.of(),
        null,
        "",
        List.of());
  }

  @Test
  void readsHighwireCitationTagsFromAPlosPage() {
    server.serve("/plos", Fixtures.pageBytes("html_plos-one_article.html"), "text/html");

    Paper paper = enricher.enrich(bare("/plos"), false);

    assertThat(paper.doi()).startsWith("10.1371/journal.pone.");
    assertThat(paper.abstractHtml()).hasSizeGreaterThan(200);
    assertThat(paper.authors()).hasSizeGreaterThan(5);
    assertThat(paper.journal()).isEqualTo("PLOS ONE");
  }

  @Test
  void readsDublinCoreWrittenInAnyCaseFromAnAcsPage() {
    server.serve("/acs", Fixtures.pageBytes("html_acs_nanolett_article.html"), "text/html");

    Paper paper = enricher.enrich(bare("/acs"), false);

    assertThat(paper.doi()).startsWith("10.1021/");
    assertThat(paper.authors()).extracting(Author::name).hasSize(9);
  }

  @Test
  void aSectionLabelGluedToItsTextInAJamaPageDescriptionIsDroppedAsInFeeds() {
    server.serve(
        "/jama",
        Fixtures.pageBytes("html_jama-style_description-glued-labels-cut.html"),
        "text/html");

    Summary summary = new Summariser().summarise(enricher.enrich(bare("/jama"), false));

    assertThat(summary.sentences())
        .containsExactly(
            "Alcoholic liver disease (ALD) is generally associated with iron overload, which may"
                + " contribute to its pathogenesis, through increased oxidative stress and cellular"
                + " damage.",
            "There are conflicting reports in literature about hemochromatosis (HFE) gene"
                + " mutations and the severity of liver disease in alcoholic patients.");
  }

  @Test
  void aPageDescriptionCutMidWordEndsAtAWholeWordWithAnEllipsis() {
    server.serve("/lww", Fixtures.pageBytes("html_lww-style_og-description-cut.html"), "text/html");
    server.serve(
        "/jama",
        Fixtures.pageBytes("html_jama-style_description-glued-labels-cut.html"),
        "text/html");

    Paper lww = enricher.enrich(bare("/lww"), false);
    Paper jama = enricher.enrich(bare("/jama"), false);

    assertThat(lww.abstractHtml())
        .endsWith("This article focuses on the research paradigm of positivism, examining its…");
    assertThat(jama.abstractHtml())
        .endsWith("the prevalence of mutations in the hemochromatosis (HFE)…");
    assertThat(new Summariser().summarise(lww).sentences())
        .last()
        .isEqualTo(
            "Understanding paradigm-specific assumptions helps illuminate the quality of findings"
                + " that support scientific studies and identify gaps in generating sound"
                + " evidence.");
  }

  @Test
  void aStructuredAbstractFromAPageGivesItsConclusionAsOneFromAFeedDoes() {
    server.serve(
        "/ehp", Fixtures.pageBytes("html_atypon-style_dc-description-labelled.html"), "text/html");

    Paper paper = enricher.enrich(bare("/ehp"), false);

    assertThat(paper.doi()).isEqualTo("10.1289/ehp4883");
    assertThat(new Summariser().summarise(paper).sentences())
        .containsExactly(
            "Air pollution was associated with stroke and AF onset, even at very low"
                + " concentrations.");
  }

  @Test
  void aTableOfContentsEntryWhoseDescriptionIsOnlyItsCitationAsksThePage() throws Exception {
    server.serve(
        "/tax.12636",
        Fixtures.pageBytes("html_atypon-style_dc-description-labelled.html"),
        "text/html");
    String toc =
        Fixtures.feedText("wiley_taxon.xml")
            .replace(
                "https://onlinelibrary.wiley.com/doi/10.1002/tax.12636?af=R",
                server.url("/tax.12636").toString());
    Paper paper =
        new FeedParser()
                .parse(
                    "taxon",
                    toc.getBytes(StandardCharsets.UTF_8),
                    null,
                    URI.create("https://onlinelibrary.wiley.com/feed/19968175/most-recent"))
                .papers()
                .stream()
                .filter(p -> p.guid().equals("10.1002/tax.12636"))
                .findFirst()
                .orElseThrow();

    Paper enriched = enricher.enrich(paper, false);

    assertThat(server.requests("/tax.12636")).hasSize(1);
    assertThat(enriched.abstractHtml()).startsWith("Background: Although growing evidence");
    assertThat(enriched.doi()).isEqualTo("10.1002/tax.12636");
  }

  @Test
  void aFailedPageLeavesThePaperAsItWas() {
    server.route("/gone", exchange -> exchange.sendResponseHeaders(503, -1));
    Paper bare = bare("/gone");

    assertThat(enricher.enrich(bare, false)).isEqualTo(bare);
  }

  @Test
  void aSlowPageTimesOutAndLeavesThePaperAsItWas() {
    server.route(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
        });
    Paper bare = bare("/slow");

    assertThat(enricher.enrich(bare, false)).isEqualTo(bare);
  }

  @Test
  void readsEachPageOnce() {
    server.serve("/a", Fixtures.pageBytes("html_peerj_article.html"), "text/html");
    server.serve("/b", Fixtures.pageBytes("html_hal_article.html"), "text/html");

    enricher.enrich(bare("/a"), false);
    enricher.enrich(bare("/b"), false);
    enricher.enrich(bare("/a"), false);

    assertThat(server.requests("/a")).hasSize(1);
    assertThat(server.requests("/b")).hasSize(1);
  }

  @Test
  void aPaperThatLacksNothingIsNotFetched() {
    Paper complete =
        new Paper(
            "f",
            "g",
            "T",
            server.url("/x").toString(),
            "10.1/x",
            List.of(Author.named("A B")),
            null,
            null,
            List.of(),
            null,
            "<p>Abstract.</p>",
            List.of());

    enricher.enrich(complete, false);

    assertThat(server.requests()).isEmpty();
  }
}

package org.paperboy.summarise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Paper;
import org.paperboy.model.Summary;
import org.paperboy.parse.FeedParser;
import org.paperboy.testing.Fixtures;

class SummariserTest {

  private final Summariser summariser = new Summariser();

  private static Paper paper(String title, String abstractHtml) {
    return new Paper(
        "f",
        "g",
        title,
        null,
        null,
        List.of(),
        null,
        null,
        List.of(),
        null,
        abstractHtml,
        List.of());
  }

  private Summary first(String fixture) throws Exception {
    Paper paper =
        new FeedParser()
            .parse("f", Fixtures.feedBytes(fixture), null, URI.create("https://example.org/"))
            .papers()
            .get(0);
    return summariser.summarise(paper);
  }

  @Test
  void dropsTagsDecodesEntitiesAndFoldsWhitespace() {
    Summary summary =
        summariser.summarise(
            paper(
                "Title",
                "<p>Mortality fell&nbsp;by <b>12&#37;</b>\n\n  (p &lt; .05).</p><p>Second.</p>"));

    assertThat(summary.text()).isEqualTo("Mortality fell by 12% (p < .05). Second.");
  }

  @Test
  void dropsALeadingAbstractLabel() {
    assertThat(summariser.summarise(paper("T", "<p><b>Abstract</b></p><p>We found it.</p>")).text())
        .isEqualTo("We found it.");
    assertThat(summariser.summarise(paper("T", "ABSTRACT: We found it.")).text())
        .isEqualTo("We found it.");
  }

  @Test
  void anAbstractLabelStartsTheAbstractOnlyWithinItsFirst400Characters() {
    String preamble = "Parasitol Int. 2021 Dec 17. Xiao Jin, Wenxiang Li, ";
    String near = preamble + "Ann Lee, ".repeat((400 - preamble.length()) / 9);
    near = near + "x".repeat(400 - near.length());
    String abstractText = " Abstract: A new species of Gyrodactylus was described.";

    assertThat(summariser.summarise(paper("T", near + abstractText)).text())
        .isEqualTo("A new species of Gyrodactylus was described.");
    assertThat(summariser.summarise(paper("T", near + "x" + abstractText)).text())
        .startsWith("Parasitol Int.");
  }

  @Test
  void sectionLabelsGluedToTheirTextAreRecognisedAsSpacedOnesAre() {
    String jama =
        "ImportanceSepsis kills.ObjectiveTo test early care."
            + "Design, Setting, and ParticipantsA trial in 31 hospitals."
            + "ResultsOf 1204 adults, fewer died.Conclusions and RelevanceEarly care saves lives.";

    assertThat(summariser.summarise(paper("T", jama)).text()).isEqualTo("Early care saves lives.");
    assertThat(summariser.summarise(paper("T", "ContextSepsis kills. We tested care.")).text())
        .isEqualTo("Sepsis kills. We tested care.");
  }

  @Test
  void aSectionThatIsOnlyTheStartOfACutSentenceGivesWayToTheRest() {
    Summary summary =
        summariser.summarise(
            paper("T", "Objective: To test early care. Methods: A trial. Results: Of 1204 adu…"));

    assertThat(summary.text()).isEqualTo("To test early care. A trial.");
  }

  @Test
  void decodesHtmlThatTheFeedEscapedTwice() {
    Summary summary = summariser.summarise(paper("T", "&lt;p&gt;Ants &amp;amp; bees.&lt;/p&gt;"));

    assertThat(summary.text()).isEqualTo("Ants & bees.");
  }

  @Test
  void cleansTitlesOfMarkupAndStrayByteOrderMarks() {
    Summary summary = summariser.summarise(paper("\uFEFFA new <i>Homo</i> species", ""));

    assertThat(summary.title()).isEqualTo("A new Homo species");
    assertThat(summary.text()).isEmpty();
  }

  @Test
  void aTitleLongerThanTwoKibibytesIsCutThereNeverInsideACharacter() {
    String title = "a".repeat(2047) + "\uD83D\uDE00" + "b".repeat(100);

    assertThat(summariser.summarise(paper(title, "")).title()).isEqualTo("a".repeat(2047));
  }

  @Test
  void dropsTheLinkToItsOwnDoiThatEndsAnAbstract() {
    assertThat(
            summariser
                .summarise(
                    paper(
                        "T",
                        "Early care saved the lives of adults with sepsis."
                            + " https://doi.org/10.1289/EHP1234"))
                .sentences())
        .containsExactly("Early care saved the lives of adults with sepsis.");
  }

  @Test
  void aSentenceTheFeedCutShortIsDroppedUnlessItIsTheOnlyOne() {
    assertThat(summariser.summarise(paper("T", "Sepsis kills. Early care sav…")).sentences())
        .containsExactly("Sepsis kills.");
    assertThat(
            summariser
                .summarise(paper("T", "Sepsis kills many adults each year and early care…"))
                .sentences())
        .containsExactly("Sepsis kills many adults each year and early care…");
  }

  @Test
  void neverChoosesACopyrightOrPublisherLineInsideAnAbstract() {
    Summary summary =
        summariser.summarise(
            paper(
                "T",
                "Results: Fewer died. Conclusions: Early care saves lives. This article is"
                    + " protected by copyright. Published by Elsevier Inc. on behalf of the"
                    + " Society."));

    assertThat(summary.sentences()).containsExactly("Early care saves lives.");
  }

  @Test
  void startsPubMedAbstractsAfterTheirCitationPreamble() throws Exception {
    assertThat(first("pubmed_search-new-species.xml").text())
        .startsWith("A new species of Gyrodactylus was described on the body surface of zebrafish");
  }

  @Test
  void startsPensoftAbstractsAfterTheirAuthorsLine() throws Exception {
    assertThat(first("pensoft_zookeys.xml").text())
        .startsWith("Keys to all levels of the subfamily");
  }

  @Test
  void takesScienceDirectAndTaylorFrancisBibliographicLinesAsNoAbstract() throws Exception {
    assertThat(first("elsevier_sciencedirect_mol-phylogenet-evol.xml").text()).isEmpty();
    assertThat(first("tandf_studies-neotrop-fauna.xml").text()).isEmpty();
  }

  @Test
  void readsOjsAbstractsPastedFromPdfJsSpans() throws Exception {
    assertThat(first("ojs_insecta-mundi_pdfjs-html.xml").text())
        .startsWith("A statewide survey of Wisconsin’s Attelabidae")
        .doesNotContain("<span", "markedContent");
  }
}

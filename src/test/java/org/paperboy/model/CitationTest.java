package org.paperboy.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationTest {

  @Test
  void aWileyTableOfContentsLineIsACitationNotAnAbstract() {
    assertThat(Citation.isOnly("TAXON, Volume 70, Issue 5, Page 1131-1132, October 2021. "))
        .isTrue();
    assertThat(Citation.isOnly("TAXON, Volume 70, Issue 6, Page i-iv, December 2021. ")).isTrue();
    assertThat(Citation.isOnly("TAXON, EarlyView. ")).isTrue();
  }

  @Test
  void theCitationsOfOtherPublishersAreCitationsToo() {
    // Taylor & Francis, its HTML as ROME hands it over.
    assertThat(
            Citation.isOnly(
                "<a href=\"/toc/nnfe20/56/3\">Volume 56, Issue 3</a>, December 2021, Page 163-175"
                    + "<br/>. <br/>"))
        .isTrue();
    // ScienceDirect, as HTML and as the text that is left of it; an editorial board has no authors.
    assertThat(
            Citation.isOnly(
                "<p>Publication date: February 2022</p><p><b>Source:</b> Molecular Phylogenetics"
                    + " and Evolution, Volume 167</p><p>Author(s): David R. Bickel</p>"))
        .isTrue();
    assertThat(
            Citation.isOnly(
                "Publication date: January 2022 Source: Molecular Phylogenetics and Evolution,"
                    + " Volume 166 Author(s):"))
        .isTrue();
    // PubMed's citation line, and the styles of journals' own "cite this" lines.
    assertThat(
            Citation.isOnly(
                "Int J Syst Evol Microbiol. 2021 Dec;71(12). doi: 10.1099/ijsem.0.005176."))
        .isTrue();
    assertThat(
            Citation.isOnly(
                "Am J Med. 2021 Dec 17:S0002-9343(21)00812-3. doi: 10.1016/j.amjmed.2021.11.014."
                    + " Online ahead of print."))
        .isTrue();
    assertThat(Citation.isOnly("J. Am. Chem. Soc. 2021, 143, 1234-1240")).isTrue();
    assertThat(Citation.isOnly("Vol. 12, No. 3, pp. 45–67, Spring 2020")).isTrue();
  }

  @Test
  void anAbstractThatMentionsVolumesOrDatesIsNoCitation() throws Exception {
    assertThat(Citation.isOnly("Mice, rats, 2021.")).isFalse();
    assertThat(Citation.isOnly("Results from 2021.")).isFalse();
    assertThat(
            Citation.isOnly(
                "<p>Publication date: March 2010</p><p>Source: Journal of X, Volume 3</p>"
                    + "<p>We measured the volume of 120 nests in 2009.</p>"))
        .isFalse();
    assertThat(Citation.isOnly("Authors: A. Smith. We studied the effect of heat on 30 mice."))
        .isFalse();
    assertThat(Citation.isOnly("")).isFalse();
    assertThat(Citation.isOnly(null)).isFalse();
    ObjectMapper json = new ObjectMapper();
    List<String> lines =
        Files.readAllLines(Path.of("src/test/resources/fixtures/abstracts/abstracts.jsonl"));
    assertThat(lines).hasSizeGreaterThan(50);
    for (String line : lines) {
      JsonNode record = json.readTree(line);
      assertThat(Citation.isOnly(record.path("text").asText()))
          .as(record.path("id").asText())
          .isFalse();
    }
  }
}

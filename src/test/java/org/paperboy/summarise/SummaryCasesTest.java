package org.paperboy.summarise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.model.Paper;

/**
 * Real abstracts, one or more from every fixture publisher plus each way structured abstracts label
 * their sections: {@code summaries/NAME.html} is the abstract as the feed gave it, {@code
 * NAME.expected.txt} the summary's sentences, one a line.
 */
class SummaryCasesTest {

  private static final Path CASES = Path.of("src/test/resources/summaries");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".html"))
          .map(n -> n.substring(0, n.length() - ".html".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void summarisesAsAnEditorWould(String name) throws IOException {
    String html = Files.readString(CASES.resolve(name + ".html"));
    List<String> expected =
        Files.readAllLines(CASES.resolve(name + ".expected.txt")).stream()
            .filter(l -> !l.isEmpty())
            .toList();
    Paper paper =
        new Paper(
            "f", "g", "t", null, null, List.of(), null, null, List.of(), null, html, List.of());

    assertThat(new Summariser().summarise(paper).sentences()).containsExactlyElementsOf(expected);
  }

  @Test
  void thereIsACaseForEveryFixturePublisherAndEveryLabelForm() throws IOException {
    assertThat(cases().toList())
        .hasSizeGreaterThan(35)
        .contains(
            "strong-labels", "jats-sec", "unstructured-copyright", "wrapped-med_sections-atom-0");
  }
}

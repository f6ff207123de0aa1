package org.paperboy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Placeholder;

class TemplateTest {

  @Test
  void foldsTheSpacesAnEmptyPlaceholderLeaves() {
    Template template = Template.parse("{title} {summary} {link}\n\n{hashtags}");

    String text =
        template.fill(
            Map.of(
                Placeholder.TITLE,
                "T",
                Placeholder.LINK,
                "https://x.org",
                Placeholder.HASHTAGS,
                ""));

    assertThat(text).isEqualTo("T https://x.org");
  }

  @Test
  void keepsTheTemplatesOwnLineBreaks() {
    String text =
        Template.parse("{title}\n\n{link}")
            .fill(Map.of(Placeholder.TITLE, "T", Placeholder.LINK, "L"));

    assertThat(text).isEqualTo("T\n\nL");
  }

  @Test
  void aTitleRunsIntoWordsOnlyWhereNothingButSpacesStandsBeforeThem() {
    Set<Placeholder> filled = Set.of(Placeholder.TITLE, Placeholder.SUMMARY, Placeholder.LINK);

    assertThat(Template.parse("{title} {summary}").runsIntoWords(Placeholder.TITLE, filled))
        .isTrue();
    assertThat(
            Template.parse("{title} {authors} {summary}").runsIntoWords(Placeholder.TITLE, filled))
        .as("the authors are empty, so the summary follows the title")
        .isTrue();
    assertThat(Template.parse("{title}\n{summary}").runsIntoWords(Placeholder.TITLE, filled))
        .isFalse();
    assertThat(Template.parse("{title} – {summary}").runsIntoWords(Placeholder.TITLE, filled))
        .isFalse();
    assertThat(Template.parse("{title} {link} {summary}").runsIntoWords(Placeholder.TITLE, filled))
        .isFalse();
  }

  @Test
  void refusesAnUnknownPlaceholder() {
    assertThatThrownBy(() -> Template.parse("{title} {abstract}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown placeholder {abstract} in template: {title} {abstract}");
  }
}

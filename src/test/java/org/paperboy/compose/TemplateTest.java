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
  void foldsARunOfTabsAsItFoldsSpaces() {
    String text =
        Template.parse("{title}\t{summary}\t{link}")
            .fill(Map.of(Placeholder.TITLE, "T", Placeholder.LINK, "L"));

    assertThat(text).isEqualTo("T L");
  }

  @Test
  void aLineEmptiedOfItsPlaceholderLeavesNoSpaceAtItsEdges() {
    String text =
        Template.parse("{title} {hashtags}\n{summary}")
            .fill(Map.of(Placeholder.TITLE, "T", Placeholder.SUMMARY, "S"));

    assertThat(text).isEqualTo("T\nS");
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
    assertThat(Template.parse("{summary} {title} ").runsIntoWords(Placeholder.TITLE, filled))
        .as("nothing follows the title")
        .isFalse();
  }

  @Test
  void knowsWhichPlaceholdersItHolds() {
    Template template = Template.parse("{title} {link}");

    assertThat(template.has(Placeholder.TITLE)).isTrue();
    assertThat(template.has(Placeholder.SUMMARY)).isFalse();
  }

  @Test
  void readsAsWrittenAndEqualsATemplateParsedFromTheSameText() {
    String text = "{title}\n{summary} {link} {hashtags}";
    Template template = Template.parse(text);

    assertThat(template).hasToString(text);
    assertThat(template).isEqualTo(Template.parse(text)).hasSameHashCodeAs(Template.parse(text));
    assertThat(template).isNotEqualTo(Template.parse("{title} {summary} {link} {hashtags}"));
    assertThat(template).isNotEqualTo(text);
  }

  @Test
  void refusesAnUnknownPlaceholder() {
    assertThatThrownBy(() -> Template.parse("{title} {abstract}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown placeholder {abstract} in template: {title} {abstract}");
  }
}

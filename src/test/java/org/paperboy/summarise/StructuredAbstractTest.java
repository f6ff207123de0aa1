package org.paperboy.summarise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paperboy.summarise.Section.Kind;

/** Where the labels of a structured abstract are, when only its text marks them. */
class StructuredAbstractTest {

  @Test
  void aLabelInCapitalsNeedsNoColon() {
    assertThat(
            StructuredAbstract.sections(
                "BACKGROUND Sepsis kills. AIM To test early care. RESULTS Fewer died."
                    + " CONCLUSIONS Early care saves lives."))
        .containsExactly(
            new Section(Kind.CONTEXT, "BACKGROUND", "Sepsis kills."),
            new Section(Kind.CONTEXT, "AIM", "To test early care."),
            new Section(Kind.FINDINGS, "RESULTS", "Fewer died."),
            new Section(Kind.CONCLUSION, "CONCLUSIONS", "Early care saves lives."));
  }

  @Test
  void textBeforeTheFirstLabelIsASectionOfItsOwn() {
    assertThat(StructuredAbstract.sections("Sepsis kills. Results: Fewer died."))
        .containsExactly(
            new Section(Kind.OTHER, "", "Sepsis kills."),
            new Section(Kind.FINDINGS, "Results", "Fewer died."));
  }

  @Test
  void aLabelsWordOpeningAnOrdinarySentenceIsNoLabel() {
    String text = "Sound was recorded. Background noise was removed. RESULTS in brief follow.";

    assertThat(StructuredAbstract.sections(text))
        .containsExactly(new Section(Kind.OTHER, "", text));
  }

  @Test
  void aLabelsWordClosingTheTextIsNoLabel() {
    assertThat(StructuredAbstract.sections("We asked what was found. Results. "))
        .containsExactly(new Section(Kind.OTHER, "", "We asked what was found. Results."));
    assertThat(StructuredAbstract.sections("We asked what was found. RESULTS "))
        .containsExactly(new Section(Kind.OTHER, "", "We asked what was found. RESULTS"));
    assertThat(StructuredAbstract.sections("Early care was tested in 2019.Conclusions"))
        .containsExactly(new Section(Kind.OTHER, "", "Early care was tested in 2019.Conclusions"));
  }

  @Test
  void knowsTheLabelsStructuredAbstractsPrintInAnyCase() {
    assertThat(Section.labels()).contains("conclusions and relevance", "results", "funding");
    assertThat(Section.kindOf("CONCLUSIONS  AND RELEVANCE:")).contains(Kind.CONCLUSION);
    assertThat(Section.kindOf("Trial registration.")).contains(Kind.EXCLUDED);
    assertThat(Section.kindOf("Discussion points")).isEmpty();
  }
}

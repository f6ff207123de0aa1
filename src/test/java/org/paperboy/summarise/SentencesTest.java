package org.paperboy.summarise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

  @Test
  void splitsAtSentenceEnds() {
    assertThat(Sentences.split("Mortality fell. Stays shortened! Why? Because."))
        .containsExactly("Mortality fell.", "Stays shortened!", "Why?", "Because.");
  }

  @Test
  void abbreviationsOfScientificProseDoNotEndASentence() {
    assertThat(
            Sentences.split(
                "As Smith et al. (2020) showed, drugs (e.g. statins, i.e. HMG-CoA inhibitors) vs."
                    + " placebo differ, see Fig. 2 and Gyrodactylus sp. nov. in Table 1. Next."))
        .hasSize(2);
  }

  @Test
  void decimalsIntervalsAndPValuesDoNotEndASentence() {
    assertThat(
            Sentences.split(
                "The odds ratio was 1.5 (95% CI 1.2-3.4, P < .05). Mortality was 18.2%. Done."))
        .containsExactly(
            "The odds ratio was 1.5 (95% CI 1.2-3.4, P < .05).", "Mortality was 18.2%.", "Done.");
  }

  @Test
  void initialsDoNotEndASentence() {
    assertThat(
            Sentences.split("As described by J. R. Smith and A. Jones, it works. Then it failed."))
        .containsExactly("As described by J. R. Smith and A. Jones, it works.", "Then it failed.");
    assertThat(Sentences.split("Specimens collected by J. Smith")).hasSize(1);
  }

  @Test
  void anAbbreviationThatStartsTheTextDoesNotEndASentence() {
    assertThat(Sentences.split("Fig. 2 shows the design. It worked."))
        .containsExactly("Fig. 2 shows the design.", "It worked.");
  }

  @Test
  void aClosingQuoteOrBracketStaysWithTheSentenceItCloses() {
    assertThat(Sentences.split("They called it \"a cure.\" It was not. (All died.) Then?"))
        .containsExactly("They called it \"a cure.\"", "It was not.", "(All died.)", "Then?");
  }

  @Test
  void aSentenceMayStartWithAQuote() {
    assertThat(Sentences.split("Patients were asked. \"Was it worth it?\" Most said yes."))
        .containsExactly("Patients were asked.", "\"Was it worth it?\"", "Most said yes.");
  }

  @Test
  void spaceAfterTheLastSentenceEndsNoOtherSentence() {
    assertThat(Sentences.split("Mortality fell. ")).containsExactly("Mortality fell.");
  }

  @Test
  void aSentenceStarterAfterAnAbbreviationOrVariableStillEndsIt() {
    assertThat(Sentences.split("It holds for finite N. The importance is discussed."))
        .containsExactly("It holds for finite N.", "The importance is discussed.");
    assertThat(Sentences.split("Nola atomosa (Bremer, 1861) stat. rev. The status is clarified."))
        .containsExactly("Nola atomosa (Bremer, 1861) stat. rev.", "The status is clarified.");
  }

  @Test
  void aLowerCaseWordAfterAPeriodContinuesTheSentence() {
    assertThat(Sentences.split("Doses were approx. five times higher. End.")).hasSize(2);
  }

  @Test
  void chineseSentencesEndAtTheirFullStop() {
    assertThat(Sentences.split("南麂岛为主岛。共有植物97科。")).containsExactly("南麂岛为主岛。", "共有植物97科。");
  }
}

package org.paperboy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.paperboy.model.HashtagRule;
import org.paperboy.model.Paper;
import org.paperboy.platform.x.XText;

class HashtagsTest {

  private static final Template TEMPLATE = Template.parse("{title}\n{summary} {link} {hashtags}");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-21");

  private final Hashtags hashtags = new Hashtags(new XText());

  private static Paper paper(List<String> categories, String articleType) {
    return new Paper(
        "f",
        "g",
        "t",
        null,
        "10.1/x",
        List.of(),
        null,
        null,
        categories,
        articleType,
        "",
        List.of());
  }

  private static FeedStyle style(List<String> tags, List<HashtagRule> rules, int max) {
    return new FeedStyle(TEMPLATE, tags, rules, max, List.of(), false);
  }

  private static HashtagRule rule(String regex, HashtagRule.Field field, String tag, boolean turn) {
    return new HashtagRule(Pattern.compile(regex), Set.of(field), tag, null, null, turn);
  }

  private Hashtags.Choice choose(FeedStyle style, String title, List<String> sentences) {
    return hashtags.choose(style, paper(List.of(), null), title, sentences, TODAY);
  }

  @Test
  void appendsNoMoreThanMaxHashtagsInTheOrderConfigured() {
    Hashtags.Choice choice =
        choose(
            style(List.of("#MedEd", "#FOAMed", "#Sepsis"), List.of(), 2),
            "Early care",
            List.of("Mortality fell."));

    assertThat(choice.appended()).containsExactly("#MedEd", "#FOAMed");
  }

  @Test
  void aTagWhoseWordIsOnlyPartOfALongerWordIsStillAppended() {
    Hashtags.Choice choice =
        choose(
            style(List.of("#AI", "#MedEd"), List.of(), 1),
            "What patients said",
            List.of("Trained staff helped."));

    assertThat(choice.appended()).containsExactly("#AI");
    assertThat(choice.title()).isEqualTo("What patients said");
  }

  @Test
  void leavesOutATagWhoseWordTheTextHoldsInAnotherCaseAccentsIncluded() {
    Hashtags.Choice choice =
        choose(
            style(List.of("#asthma", "#zika", "#Ménière"), List.of(), 5),
            "Asthma after Zika",
            List.of("Vertigo in MÉNIÈRE disease."));

    assertThat(choice.appended()).isEmpty();
  }

  @Test
  void aRuleTurnsTheFirstSentenceHoldingItsWordIntoTheTagAndThatCountsTowardsTheCap() {
    HashtagRule sepsis = rule("(?i)sepsis", HashtagRule.Field.ABSTRACT, "#Sepsis", true);

    Hashtags.Choice choice =
        choose(
            style(List.of(), List.of(sepsis, rule(".", HashtagRule.Field.TITLE, "#ICU", false)), 1),
            "Early care",
            List.of("We enrolled adults.", "Those with sepsis lived.", "So did sepsis survivors."));

    assertThat(choice.sentences())
        .containsExactly(
            "We enrolled adults.", "Those with #sepsis lived.", "So did sepsis survivors.");
    assertThat(choice.title()).isEqualTo("Early care");
    assertThat(choice.appended()).isEmpty();
  }

  @Test
  void aCategoryRuleMatchesTheEntrysCategoriesOrItsArticleType() {
    FeedStyle style =
        style(
            List.of(),
            List.of(rule("(?i)review", HashtagRule.Field.CATEGORY, "#Review", false)),
            2);

    assertThat(
            hashtags
                .choose(
                    style, paper(List.of("Critical care", "Review"), null), "T", List.of(), TODAY)
                .appended())
        .containsExactly("#Review");
    assertThat(
            hashtags
                .choose(style, paper(List.of(), "Systematic Review"), "T", List.of(), TODAY)
                .appended())
        .containsExactly("#Review");
    assertThat(
            hashtags
                .choose(style, paper(List.of("Trials"), "Article"), "T", List.of(), TODAY)
                .appended())
        .isEmpty();
  }
}

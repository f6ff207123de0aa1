package org.paperboy.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Notice;
import org.paperboy.model.Paper;

class EntryFilterTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private static Paper paper(
      String title, String type, List<String> categories, Instant published) {
    return new Paper(
        "f", title, title, null, null, List.of(), null, published, categories, type, "", List.of());
  }

  private static Paper titled(String title) {
    return paper(title, null, List.of(), null);
  }

  @Test
  void skipsNoticesByDefault() {
    EntryFilter filter = EntryFilter.DEFAULT;

    for (String notice :
        List.of(
            "Correction to: Early care in sepsis",
            "Correction: Early care in sepsis",
            "Author Correction: A map of the brain",
            "Erratum for the article on asthma",
            "Retraction Note: Hydroxychloroquine in COVID-19",
            "RETRACTED: A study of vaccines",
            "Notice of Retraction",
            "Expression of Concern: Data in a trial",
            "Withdrawn: A preprint",
            "Error")) {
      assertThat(filter.rejects(titled(notice), NOW)).as(notice).isPresent();
    }
    assertThat(filter.rejects(paper("A reply", "Correction", List.of(), null), NOW)).isPresent();
  }

  @Test
  void postsPapersWhoseTitlesMerelyStartWithTheSameWords() {
    for (String paper :
        List.of(
            "Correction of hallux valgus with a minimally invasive osteotomy",
            "Retraction of the tongue during sleep",
            "Withdrawal of life-sustaining treatment in intensive care",
            "Error rates in radiology reporting")) {
      assertThat(EntryFilter.DEFAULT.rejects(titled(paper), NOW)).as(paper).isEmpty();
    }
  }

  @Test
  void aNoticeKindCanBeTurnedBackOn() {
    EntryFilter retractionsPosted =
        new EntryFilter(List.of(), List.of(), Set.of(Notice.CORRECTIONS, Notice.ERRATA), null);

    assertThat(retractionsPosted.rejects(titled("Retraction Note: A study"), NOW)).isEmpty();
    assertThat(retractionsPosted.rejects(titled("Correction to: A study"), NOW)).isPresent();
  }

  @Test
  void includeAndExcludeMatchTitleCategoriesAndArticleType() {
    EntryFilter filter =
        new EntryFilter(
            List.of(Pattern.compile("(?i)sepsis|shock")),
            List.of(Pattern.compile("(?i)^editorial$")),
            Set.of(),
            null);

    assertThat(filter.rejects(titled("Early care in sepsis"), NOW)).isEmpty();
    assertThat(filter.rejects(paper("A trial", null, List.of("Septic shock"), null), NOW))
        .isEmpty();
    assertThat(filter.rejects(titled("Asthma in children"), NOW))
        .contains("matches none of include-matching");
    assertThat(filter.rejects(paper("Sepsis now", "Editorial", List.of(), null), NOW))
        .contains("excluded by exclude-matching = \"(?i)^editorial$\"");
  }

  @Test
  void skipsEntriesOlderThanMaxAgeAndKeepsUndatedOnes() {
    EntryFilter fortnight = new EntryFilter(List.of(), List.of(), Set.of(), Duration.ofDays(14));

    assertThat(
            fortnight.rejects(paper("Old", null, List.of(), NOW.minus(Duration.ofDays(30))), NOW))
        .get()
        .asString()
        .startsWith("older than max-age");
    assertThat(fortnight.rejects(paper("New", null, List.of(), NOW.minus(Duration.ofDays(3))), NOW))
        .isEmpty();
    assertThat(fortnight.rejects(titled("Undated"), NOW)).isEmpty();
  }
}

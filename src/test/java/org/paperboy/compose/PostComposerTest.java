package org.paperboy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Author;
import org.paperboy.model.HashtagRule;
import org.paperboy.model.Paper;
import org.paperboy.model.Person;
import org.paperboy.model.Post;
import org.paperboy.model.Subject;
import org.paperboy.model.Summary;
import org.paperboy.platform.x.XText;

class PostComposerTest {

  // The default template of reference.conf.
  private static final Template STANDARD = Template.parse("{title}\n{summary} {link} {hashtags}");
  private static final Template ON_ONE_LINE = Template.parse("{title} {summary} {link} {hashtags}");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-21");
  private static final List<String> SEPSIS_TRIAL =
      List.of(
          "We randomised 1,204 adults with sepsis to early or usual care across 31 hospitals.",
          "Mortality at 90 days was 18.2% with early care and 21.9% with usual care.",
          "Early care shortened stays in intensive care by a median of two days and did not"
              + " increase adverse events in any prespecified subgroup of patients.");

  private final PostComposer composer = new PostComposer(new XText());

  private static Paper paper(String doi, String link, List<Author> authors) {
    return new Paper(
        "f", "g", "t", link, doi, authors, "The Lancet", null, List.of(), null, "", List.of());
  }

  private static Paper paper(String doi, String link) {
    return paper(doi, link, List.of());
  }

  private static int weighted(String text) {
    return TwitterTextParser.parseTweet(text).weightedLength;
  }

  private Post compose(FeedStyle style, Paper paper, Summary summary) {
    Post post = composer.compose(style, paper, summary, TODAY);
    assertThat(post.length())
        .as(post.text())
        .isEqualTo(weighted(post.text()))
        .isLessThanOrEqualTo(280);
    return post;
  }

  @Test
  void fillsTheTemplateWithTheDoiLinkWhenItFits() {
    Post post =
        compose(
            FeedStyle.of(STANDARD, List.of("#MedEd", "#FOAMed")),
            paper("10.1016/s0140-6736(24)00001-1", "https://example.org/a"),
            new Summary("Early care in sepsis", List.of("Mortality fell.")));

    assertThat(post.text())
        .isEqualTo(
            "Early care in sepsis\nMortality fell. https://doi.org/10.1016/s0140-6736(24)00001-1"
                + " #MedEd #FOAMed");
  }

  @Test
  void usesTheEntryLinkWithoutADoi() {
    Post post =
        compose(
            FeedStyle.of(STANDARD, List.of()),
            paper(null, "https://example.org/a"),
            new Summary("T", List.of()));

    assertThat(post.text()).isEqualTo("T\nhttps://example.org/a");
  }

  @Test
  void theDefaultTemplateEndsTheTitleWithALineBreak() {
    Post post =
        compose(
            FeedStyle.of(STANDARD, List.of()),
            paper("10.1/x", null),
            new Summary(
                "Sarcopenia in Community-Dwelling Elderly Women",
                List.of("This study showed that muscle mass fell with age.")));

    assertThat(post.text())
        .isEqualTo(
            "Sarcopenia in Community-Dwelling Elderly Women\n"
                + "This study showed that muscle mass fell with age. https://doi.org/10.1/x");
  }

  @Test
  void aTitleThatATemplateRunsIntoTheSummaryGetsAFullStopUnlessItEndsInPunctuation() {
    FeedStyle oneLine = FeedStyle.of(ON_ONE_LINE, List.of());
    List<String> summary = List.of("This study showed that muscle mass fell with age.");

    assertThat(
            compose(
                    oneLine,
                    paper("10.1/x", null),
                    new Summary("Sarcopenia in Community-Dwelling Elderly Women", summary))
                .text())
        .startsWith("Sarcopenia in Community-Dwelling Elderly Women. This study showed");
    assertThat(
            compose(oneLine, paper("10.1/x", null), new Summary("Is sarcopenia common?", summary))
                .text())
        .startsWith("Is sarcopenia common? This study showed");
    assertThat(
            compose(oneLine, paper("10.1/x", null), new Summary("Sarcopenia is common.", summary))
                .text())
        .startsWith("Sarcopenia is common. This study showed");
    assertThat(
            compose(
                    oneLine,
                    paper(null, "https://example.cn/a"),
                    new Summary("广州海珠斯萤叶甲属一新种", List.of("描述了一新种。")))
                .text())
        .startsWith("广州海珠斯萤叶甲属一新种。 描述了一新种。");
  }

  @Test
  void aTitleFollowedByALinkOrByTheTemplatesOwnWordsStaysAsItIs() {
    Paper byAuthors = paper("10.1/x", null, List.of(Author.named("Jane Smith")));

    assertThat(
            compose(FeedStyle.of(ON_ONE_LINE, List.of()), byAuthors, new Summary("T", List.of()))
                .text())
        .isEqualTo("T https://doi.org/10.1/x");
    assertThat(
            compose(
                    FeedStyle.of(Template.parse("{title} by {authors} {link}"), List.of()),
                    byAuthors,
                    new Summary("T", List.of()))
                .text())
        .isEqualTo("T by Jane Smith https://doi.org/10.1/x");
    assertThat(
            composer.posts(
                new FeedStyle(ON_ONE_LINE, List.of(), List.of(), 2, List.of(), true),
                byAuthors,
                new Summary("T", SEPSIS_TRIAL),
                TODAY))
        .extracting(Post::text)
        .first()
        .isEqualTo("T https://doi.org/10.1/x");
  }

  @Test
  void aTitleGetsAFullStopBeforeTheJournalAuthorsOrSummaryOnlyWhenThePaperHasThem() {
    Paper withJournal = paper("10.1/x", null, List.of(Author.named("Jane Smith")));
    Paper bare =
        new Paper(
            "f", "g", "t", null, "10.1/x", List.of(), null, null, List.of(), null, "", List.of());
    Summary title = new Summary("Early care in sepsis", List.of());

    assertThat(compose(style("{title} {journal} {link}"), withJournal, title).text())
        .isEqualTo("Early care in sepsis. The Lancet https://doi.org/10.1/x");
    assertThat(compose(style("{title} {journal} {link}"), bare, title).text())
        .isEqualTo("Early care in sepsis https://doi.org/10.1/x");
    assertThat(compose(style("{title} {authors} {link}"), withJournal, title).text())
        .isEqualTo("Early care in sepsis. Jane Smith https://doi.org/10.1/x");
    assertThat(compose(style("{title} {authors} {link}"), bare, title).text())
        .isEqualTo("Early care in sepsis https://doi.org/10.1/x");
    assertThat(
            compose(
                    style("{title} {credits} {summary}"),
                    bare,
                    new Summary("Early care in sepsis", List.of("Mortality fell.")))
                .text())
        .as("no credits stand between the title and the summary")
        .isEqualTo("Early care in sepsis. Mortality fell.");
  }

  private static FeedStyle style(String template) {
    return FeedStyle.of(Template.parse(template), List.of());
  }

  @Test
  void aStoredDoiThatKeptItsLinksQueryIsNeverPostedAsADoiLink() {
    Post post =
        compose(
            FeedStyle.of(STANDARD, List.of()),
            paper("10.1099/ijsem.0.005146?track=rss", "https://example.org/ijsem.0.005146"),
            new Summary("T", List.of()));

    assertThat(post.text()).isEqualTo("T\nhttps://example.org/ijsem.0.005146");
  }

  @Test
  void keepsWholeSentencesWhenTheyFit() {
    Post post =
        compose(
            FeedStyle.of(STANDARD, List.of("#MedEd")),
            paper("10.1/x", null),
            new Summary(
                "Early versus usual care in adults with sepsis: a randomised trial", SEPSIS_TRIAL));

    assertThat(post.text())
        .isEqualTo(
            "Early versus usual care in adults with sepsis: a randomised trial\n"
                + SEPSIS_TRIAL.get(0)
                + " "
                + SEPSIS_TRIAL.get(1)
                + " https://doi.org/10.1/x #MedEd");
  }

  @Test
  void keepsAsManyWholeSentencesAsFitToTheLastCharacter() {
    // "T", a line break, the sentences, a space and the link's 23: 280 when the sentences and
    // the spaces between them come to 254.
    FeedStyle style = FeedStyle.of(STANDARD, List.of());
    String first = sentence(100);
    String last = sentence(52);

    Post three =
        compose(
            style, paper("10.1/x", null), new Summary("T", List.of(first, sentence(100), last)));
    Post two =
        compose(
            style, paper("10.1/x", null), new Summary("T", List.of(first, sentence(153), last)));

    assertThat(three.length()).isEqualTo(280);
    assertThat(three.text()).contains(last);
    assertThat(two.length()).isEqualTo(280);
    assertThat(two.text())
        .isEqualTo("T\n" + first + " " + sentence(153) + " https://doi.org/10.1/x");
  }

  /** A sentence of exactly {@code length} characters. */
  private static String sentence(int length) {
    String start = "Mortality fell in ";
    return start + "9".repeat(length - start.length() - 1) + ".";
  }

  @Test
  void cutsAFirstSentenceThatCannotFitAtAWordBoundaryWithAnEllipsis() {
    String longSentence = "Early care " + "reduced mortality and ".repeat(20) + "shortened stays.";
    Post post =
        compose(
            FeedStyle.of(STANDARD, List.of("#MedEd")),
            paper("10.1/x", null),
            new Summary("Early care in sepsis", List.of(longSentence)));

    assertThat(post.text())
        .startsWith("Early care in sepsis\nEarly care reduced")
        .endsWith("… https://doi.org/10.1/x #MedEd");
    String cut = post.text().substring("Early care in sepsis\n".length(), post.text().indexOf('…'));
    assertThat(longSentence).startsWith(cut + " ");
    assertThat(post.length()).isGreaterThan(260);
  }

  @Test
  void cutsTheTitleOnlyWhenNothingElseFits() {
    String title = "A very long title ".repeat(20).strip();

    Post post =
        compose(
            FeedStyle.of(STANDARD, List.of("#MedEd")),
            paper("10.1/x", null),
            new Summary(title, SEPSIS_TRIAL));

    assertThat(post.text())
        .startsWith("A very long title")
        .endsWith("…\nhttps://doi.org/10.1/x #MedEd")
        .doesNotContain("randomised");
  }

  @Test
  void dropsCreditsFromTheEndBeforeTheTitleIsCut() {
    List<Person> roster = new ArrayList<>();
    List<Author> authors = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      roster.add(new Person("Ann Lee" + i, null, List.of(), Map.of("x", "@author000" + i)));
      authors.add(Author.named("Ann Lee" + i));
    }
    FeedStyle style =
        new FeedStyle(
            Template.parse("{title} {link} {credits}"), List.of(), List.of(), 2, roster, false);
    // 220, the link's 23 and three credits of 11, each after a space: 280.
    String title = sentence(220);

    Post three = compose(style, paper("10.1/x", null, authors), new Summary(title, List.of()));
    Post none =
        compose(style, paper("10.1/x", null, authors), new Summary(title + title, List.of()));

    assertThat(three.text())
        .isEqualTo(title + " https://doi.org/10.1/x @author0001 @author0002 @author0003");
    assertThat(none.text()).endsWith("… https://doi.org/10.1/x").doesNotContain("@author");
  }

  @Test
  void aTitleThatTheTemplateGluesIntoALinkIsStillFittedByThePlatformsCount() {
    // Alone, the title's last word counts 6 and the template's ".org" 4; together
    // "Africa.org" reads as a link and counts 23.
    String title = "Early care of sepsis in adults ".repeat(7) + "in sub-Saharan West Africa";

    Post post =
        compose(
            FeedStyle.of(Template.parse("{title}.org {link}"), List.of()),
            paper("10.1/x", null),
            new Summary(title, List.of()));

    assertThat(post.text())
        .isEqualTo(
            "Early care of sepsis in adults ".repeat(7)
                + "in sub-Saharan West….org https://doi.org/10.1/x");
  }

  @Test
  void aPicturesAltTextFillsItsTemplateWithWhatThePaperHas() {
    Template template =
        Template.parse("Figure from “{title}” {first_author} {journal} {date} {doi}");
    Paper full =
        new Paper(
            "f",
            "g",
            "t",
            null,
            "10.1/x",
            List.of(Author.named("Jane Smith"), Author.named("Li Wei")),
            "The Lancet",
            Instant.parse("2026-11-21T22:00:00Z"),
            List.of(),
            null,
            "",
            List.of());
    Paper bare =
        new Paper("f", "g", "t", null, null, List.of(), null, null, List.of(), null, "", List.of());
    Summary summary = new Summary("Early care in sepsis", List.of("Mortality fell."));

    assertThat(PostComposer.alt(template, full, summary))
        .isEqualTo("Figure from “Early care in sepsis” Jane Smith The Lancet 2026-11-21 10.1/x");
    assertThat(PostComposer.alt(template, bare, summary))
        .isEqualTo("Figure from “Early care in sepsis”");
  }

  @Test
  void aPostsSubjectIsItsCleanTitleItsLinkAndItsSummary() {
    assertThat(
            PostComposer.subject(
                paper("10.1/x", "https://example.org/a"),
                new Summary("Early care", List.of("Mortality fell.", "Stays shortened."))))
        .isEqualTo(
            new Subject(
                "Early care", "https://doi.org/10.1/x", "Mortality fell. Stays shortened."));
  }

  @Test
  void countsCjkTitlesAsTwoEachAndCutsThemBetweenCharacters() {
    String title = "广州海珠斯萤叶甲属一新种".repeat(20);

    Post post =
        compose(
            FeedStyle.of(STANDARD, List.of()),
            paper(null, "https://example.cn/a"),
            new Summary(title, List.of()));

    assertThat(post.length()).isGreaterThan(270);
  }

  @Test
  void shortensAuthorsFromNamesToSurnamesToFirstEtAl() {
    Template template = Template.parse("{title} by {authors} {link}");
    List<Author> many =
        List.of(
            Author.named("Jane A. Smith"), Author.named("Kwame Mensah"), Author.named("Li Wei"));

    Post roomy =
        compose(
            new FeedStyle(template, List.of(), List.of(), 2, List.of(), false),
            paper("10.1/x", null, many),
            new Summary("Short title", List.of()));
    Post tight =
        compose(
            new FeedStyle(template, List.of(), List.of(), 2, List.of(), false),
            paper("10.1/x", null, many),
            new Summary(
                "A title long enough to squeeze the authors ".repeat(6).strip(), List.of()));

    assertThat(roomy.text())
        .isEqualTo("Short title by Jane A. Smith, Kwame Mensah, Li Wei https://doi.org/10.1/x");
    assertThat(tight.text()).contains(" by Smith et al. https://doi.org/10.1/x");
  }

  @Test
  void neverMentionsOrTagsATickerFromFeedText() {
    Post post =
        compose(
            FeedStyle.of(STANDARD, List.of()),
            paper("10.1/x", null),
            new Summary(
                "Reply to @nejm on $GILD and $AAPL shares",
                List.of("Contact @jane_doe or email a@b.org.")));

    Extractor extractor = new Extractor();
    assertThat(extractor.extractMentionedScreennames(post.text())).isEmpty();
    assertThat(extractor.extractCashtags(post.text())).isEmpty();
    assertThat(post.text().replace("\u200B", ""))
        .startsWith("Reply to @nejm on $GILD and $AAPL shares\nContact @jane_doe");
  }

  @Test
  void addsRuleHashtagsDeduplicatedAndCapped() {
    HashtagRule sepsis =
        new HashtagRule(
            Pattern.compile("(?i)sepsis"),
            Set.of(HashtagRule.Field.TITLE),
            "#Sepsis",
            null,
            null,
            false);
    HashtagRule icu =
        new HashtagRule(
            Pattern.compile("(?i)intensive care"),
            Set.of(HashtagRule.Field.ABSTRACT),
            "#ICU",
            null,
            null,
            false);
    HashtagRule conference =
        new HashtagRule(
            Pattern.compile("."),
            Set.of(HashtagRule.Field.TITLE),
            "#ESICM26",
            LocalDate.parse("2026-10-01"),
            LocalDate.parse("2026-10-05"),
            false);
    FeedStyle style =
        new FeedStyle(
            STANDARD,
            List.of("#MedEd", "#meded"),
            List.of(sepsis, icu, conference),
            3,
            List.of(),
            false);

    Post post =
        compose(
            style,
            paper("10.1/x", null),
            new Summary("Early care in septic shock", List.of(SEPSIS_TRIAL.get(2))));

    assertThat(new Extractor().extractHashtags(post.text())).containsExactly("MedEd", "ICU");
  }

  @Test
  void leavesOutATagWhoseWordIsInTheTextUnlessTheRuleTurnsTheWordIntoIt() {
    HashtagRule plain =
        new HashtagRule(
            Pattern.compile("(?i)sepsis"),
            Set.of(HashtagRule.Field.TITLE),
            "#Sepsis",
            null,
            null,
            false);
    HashtagRule inText =
        new HashtagRule(
            Pattern.compile("(?i)sepsis"),
            Set.of(HashtagRule.Field.TITLE),
            "#Sepsis",
            null,
            null,
            true);
    Summary summary = new Summary("Early care in sepsis", List.of("Mortality fell."));

    Post left =
        compose(
            new FeedStyle(STANDARD, List.of(), List.of(plain), 2, List.of(), false),
            paper("10.1/x", null),
            summary);
    Post turned =
        compose(
            new FeedStyle(STANDARD, List.of(), List.of(inText), 2, List.of(), false),
            paper("10.1/x", null),
            summary);

    assertThat(left.text())
        .isEqualTo("Early care in sepsis\nMortality fell. https://doi.org/10.1/x");
    assertThat(turned.text())
        .isEqualTo("Early care in #sepsis\nMortality fell. https://doi.org/10.1/x");
  }

  @Test
  void creditsRosterAuthorsMatchedByOrcidOrByNameAsFeedsPrintIt() {
    List<Person> roster =
        List.of(
            new Person("Jane Smith", null, List.of(), Map.of("x", "@janesmith")),
            new Person("Kwame Mensah", "0000-0002-1825-0097", List.of(), Map.of("x", "kmensah")),
            new Person("Ada Lovelace", null, List.of(), Map.of("x", "@ada")));
    List<Author> authors =
        List.of(
            Author.named("Smith J"),
            new Author("K. O. Mensah", "0000-0002-1825-0097"),
            Author.named("Li Wei"));
    Template template = Template.parse("{title} {link} {credits}");

    Post post =
        compose(
            new FeedStyle(template, List.of(), List.of(), 2, roster, false),
            paper("10.1/x", null, authors),
            new Summary("Title", List.of()));

    assertThat(post.text()).isEqualTo("Title https://doi.org/10.1/x @janesmith @kmensah");
  }

  @Test
  void threadsPutTheSummaryInAReply() {
    FeedStyle threaded = new FeedStyle(STANDARD, List.of("#MedEd"), List.of(), 2, List.of(), true);

    List<Post> posts =
        composer.posts(
            threaded,
            paper("10.1/x", null),
            new Summary("Early care in sepsis", SEPSIS_TRIAL),
            TODAY);

    assertThat(posts)
        .extracting(Post::text)
        .containsExactly(
            "Early care in sepsis\nhttps://doi.org/10.1/x #MedEd",
            SEPSIS_TRIAL.get(0) + " " + SEPSIS_TRIAL.get(1));
  }

  @Test
  void failsWhenTheFixedPartsAloneExceedTheLimit() {
    Template shouting = Template.parse("{title} {link} " + "#Tag ".repeat(60));

    assertThatThrownBy(
            () ->
                composer.compose(
                    FeedStyle.of(shouting, List.of()),
                    paper("10.1/x", null),
                    new Summary("T", List.of()),
                    TODAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("over the limit of 280");
  }
}

package org.paperboy.compose;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.paperboy.model.Author;
import org.paperboy.model.Paper;
import org.paperboy.model.Placeholder;
import org.paperboy.model.Post;
import org.paperboy.model.Subject;
import org.paperboy.model.Summary;
import org.paperboy.model.TextRules;

/**
 * Writes a paper's post for one platform, within that platform's limit by its own count (see {@link
 * Fitter} for what gives way when it is too long). Text from the feed never mentions anyone: what
 * the platform would read as a mention is defused. Thread-safe.
 */
public final class PostComposer {

  private final TextRules rules;
  private final Fitter fitter;
  private final Hashtags hashtags;

  /**
   * @param rules the platform's limit, count, mentions and hashtags
   */
  public PostComposer(TextRules rules) {
    this.rules = rules;
    this.fitter = new Fitter(rules);
    this.hashtags = new Hashtags(rules);
  }

  /**
   * The post for {@code paper}.
   *
   * @param today the day hashtag rules are checked against
   * @throws IllegalArgumentException when even the template's fixed parts exceed the limit
   */
  public Post compose(FeedStyle style, Paper paper, Summary summary, LocalDate today) {
    return posts(style, paper, summary, today).get(0);
  }

  /**
   * The posts for {@code paper}: one, or for a threaded feed with a summary, a first post (title
   * and link) and a reply holding the summary.
   *
   * @throws IllegalArgumentException when even the template's fixed parts exceed the limit
   */
  public List<Post> posts(FeedStyle style, Paper paper, Summary summary, LocalDate today) {
    PostParts parts = parts(style, paper, summary, today);
    if (!style.thread() || parts.sentences().isEmpty()) {
      return List.of(fitter.fit(style.template(), parts.withTitleSetApartIn(style.template())));
    }
    Post first =
        fitter.fit(style.template(), parts.withoutSummary().withTitleSetApartIn(style.template()));
    Post reply = fitter.fit(Template.parse("{summary}"), parts.summaryOnly());
    return List.of(first, reply);
  }

  /**
   * What a post of {@code paper} is about: its clean title, the link it carries and the summary's
   * text, for a platform's link card, and for finding the post again.
   */
  public static Subject subject(Paper paper, Summary summary) {
    return new Subject(summary.title(), Links.forPaper(paper), summary.text());
  }

  /**
   * A picture's alt text for {@code paper} from {@code template}: its clean title, journal, first
   * author, DOI and date as the template places them.
   */
  public static String alt(Template template, Paper paper, Summary summary) {
    Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
    values.put(Placeholder.TITLE, summary.title());
    values.put(Placeholder.DOI, paper.doi() == null ? "" : paper.doi());
    values.put(Placeholder.JOURNAL, paper.journal() == null ? "" : paper.journal());
    values.put(
        Placeholder.FIRST_AUTHOR, paper.authors().isEmpty() ? "" : paper.authors().get(0).name());
    values.put(
        Placeholder.DATE,
        paper.published() == null
            ? ""
            : paper.published().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    return template.fill(values).strip();
  }

  private PostParts parts(FeedStyle style, Paper paper, Summary summary, LocalDate today) {
    String title = rules.neutralise(summary.title());
    List<String> sentences = new ArrayList<>();
    for (String sentence : summary.sentences()) {
      sentences.add(rules.neutralise(sentence));
    }
    Hashtags.Choice tags = hashtags.choose(style, paper, title, sentences, today);
    Map<Placeholder, String> fixed = new EnumMap<>(Placeholder.class);
    fixed.put(Placeholder.LINK, Links.forPaper(paper));
    fixed.put(Placeholder.DOI, paper.doi() == null ? "" : paper.doi());
    fixed.put(
        Placeholder.JOURNAL, paper.journal() == null ? "" : rules.neutralise(paper.journal()));
    fixed.put(Placeholder.HASHTAGS, String.join(" ", tags.appended()));
    fixed.put(
        Placeholder.FIRST_AUTHOR,
        paper.authors().isEmpty() ? "" : rules.neutralise(paper.authors().get(0).name()));
    fixed.put(
        Placeholder.DATE,
        paper.published() == null
            ? ""
            : paper.published().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    List<String> authors = AuthorNames.variants(neutralAuthors(paper.authors()));
    List<String> credits = Credits.handles(paper.authors(), style.roster(), rules.platform());
    return new PostParts(fixed, tags.title(), tags.sentences(), authors, credits);
  }

  private List<Author> neutralAuthors(List<Author> authors) {
    List<Author> neutral = new ArrayList<>();
    for (Author author : authors) {
      neutral.add(new Author(rules.neutralise(author.name()), author.orcid()));
    }
    return neutral;
  }
}

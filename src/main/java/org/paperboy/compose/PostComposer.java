package org.paperboy.compose;

import java.text.BreakIterator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.paperboy.model.Author;
import org.paperboy.model.Paper;
import org.paperboy.model.Placeholder;
import org.paperboy.model.Post;
import org.paperboy.model.Summary;

/**
 * Writes a paper's post within the platform's limit by the platform's own count. When the whole
 * post is too long, its parts give way in this order: the authors shorten (names, surnames, "First
 * et al."), the summary keeps fewer whole sentences and then a first sentence cut at a word
 * boundary with an ellipsis, credits drop from the end, and only then is the title cut.
 *
 * <p>Each part, down to each sentence and credit, is measured once and the post's length estimated
 * from the parts (URLs and emoji never span a space, so lengths add up); the chosen text is
 * measured once more to be sure. Thread-safe.
 */
public final class PostComposer {

  private static final Pattern DANGLING_SEPARATORS = Pattern.compile("[\\s,;:–—-]+$");
  private static final String ELLIPSIS = "…";
  // A cut shorter than this says nothing; leave the part out instead.
  private static final int MIN_CUT = 20;
  private static final int MAX_REFINEMENTS = 4;
  private static final Placeholder[] GIVE_WAY = {
    Placeholder.AUTHORS, Placeholder.SUMMARY, Placeholder.CREDITS, Placeholder.TITLE
  };

  private final TextCounter counter;
  private final int ellipsisLength;
  private final Neutraliser neutraliser = new Neutraliser();
  private final Hashtags hashtags = new Hashtags();

  public PostComposer(TextCounter counter) {
    this.counter = counter;
    this.ellipsisLength = counter.length(ELLIPSIS);
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
   */
  public List<Post> posts(FeedStyle style, Paper paper, Summary summary, LocalDate today) {
    Parts parts = parts(style, paper, summary, today);
    if (!style.thread() || parts.sentences.isEmpty()) {
      return List.of(fit(style.template(), parts));
    }
    Post first = fit(style.template(), parts.withoutSummary());
    Post reply = fit(Template.parse("{summary}"), parts.summaryOnly());
    return List.of(first, reply);
  }

  private Parts parts(FeedStyle style, Paper paper, Summary summary, LocalDate today) {
    String title = neutraliser.neutralise(summary.title());
    List<String> sentences = new ArrayList<>();
    for (String sentence : summary.sentences()) {
      sentences.add(neutraliser.neutralise(sentence));
    }
    Hashtags.Choice tags = hashtags.choose(style, paper, title, sentences, today);
    Map<Placeholder, String> fixed = new EnumMap<>(Placeholder.class);
    fixed.put(Placeholder.LINK, Links.forPaper(paper));
    fixed.put(Placeholder.DOI, paper.doi() == null ? "" : paper.doi());
    fixed.put(
        Placeholder.JOURNAL,
        paper.journal() == null ? "" : neutraliser.neutralise(paper.journal()));
    fixed.put(Placeholder.HASHTAGS, String.join(" ", tags.appended()));
    fixed.put(
        Placeholder.FIRST_AUTHOR,
        paper.authors().isEmpty() ? "" : neutraliser.neutralise(paper.authors().get(0).name()));
    fixed.put(
        Placeholder.DATE,
        paper.published() == null
            ? ""
            : paper.published().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    List<String> authors = new ArrayList<>();
    for (String variant : AuthorNames.variants(neutralAuthors(paper.authors()))) {
      authors.add(variant);
    }
    List<String> credits = Credits.handles(paper.authors(), style.roster(), style.platform());
    return new Parts(fixed, tags.title(), tags.sentences(), authors, credits);
  }

  private List<Author> neutralAuthors(List<Author> authors) {
    List<Author> neutral = new ArrayList<>();
    for (Author author : authors) {
      neutral.add(new Author(neutraliser.neutralise(author.name()), author.orcid()));
    }
    return neutral;
  }

  /** The best text of {@code parts} that fits. */
  private Post fit(Template template, Parts parts) {
    Choice choice = new Choice(template, parts);
    Map<Placeholder, String> empty = new EnumMap<>(parts.fixed);
    for (Placeholder p : GIVE_WAY) {
      empty.put(p, "");
    }
    int base = counter.length(template.fill(empty));
    int penalty = 0;
    for (int round = 0; round <= MAX_REFINEMENTS; round++) {
      while (base + choice.elasticLength() + penalty > counter.limit()) {
        if (!choice.giveWay(counter.limit() - penalty - base)) {
          throw new IllegalArgumentException(
              "the template's fixed parts alone are "
                  + base
                  + " long, over the limit of "
                  + counter.limit()
                  + ": "
                  + template.fill(empty));
        }
      }
      String text = template.fill(choice.values());
      int length = counter.length(text);
      if (length <= counter.limit()) {
        return new Post(text, Math.max(1, length));
      }
      // Rare: a part held a short URL, or sat against punctuation, and counted differently alone.
      penalty += length - counter.limit();
    }
    throw new IllegalStateException(
        "cannot fit a post within " + counter.limit() + ": " + parts.title);
  }

  /** Where the post's elastic parts stand while it is being fitted. */
  private final class Choice {
    private final Template template;
    private final Parts parts;
    private int authorVariant;
    private int sentenceCount;
    private String summaryCut;
    private int creditCount;
    private String titleCut;
    private final Map<String, Integer> lengths = new HashMap<>();

    Choice(Template template, Parts parts) {
      this.template = template;
      this.parts = parts;
      this.sentenceCount = parts.sentences.size();
      this.creditCount = parts.credits.size();
    }

    Map<Placeholder, String> values() {
      Map<Placeholder, String> values = new EnumMap<>(parts.fixed);
      values.put(Placeholder.AUTHORS, parts.authors.get(authorVariant));
      values.put(Placeholder.SUMMARY, summary());
      values.put(Placeholder.CREDITS, String.join(" ", parts.credits.subList(0, creditCount)));
      values.put(Placeholder.TITLE, titleCut != null ? titleCut : parts.title);
      return values;
    }

    private String summary() {
      return summaryCut != null
          ? summaryCut
          : String.join(" ", parts.sentences.subList(0, sentenceCount));
    }

    /** The elastic parts' estimated length: each part alone, plus the space before it. */
    int elasticLength() {
      return without(null);
    }

    /** A part's length: whole sentences and credits add up, so each is measured only once. */
    private int lengthOf(Placeholder part, String value) {
      return switch (part) {
        case SUMMARY ->
            summaryCut != null
                ? lengthOf(summaryCut)
                : joinedLength(parts.sentences.subList(0, sentenceCount));
        case CREDITS -> joinedLength(parts.credits.subList(0, creditCount));
        default -> lengthOf(value);
      };
    }

    private int joinedLength(List<String> words) {
      int length = words.size() - 1;
      for (String word : words) {
        length += lengthOf(word);
      }
      return length;
    }

    /** Each distinct text is measured once. */
    private int lengthOf(String value) {
      return lengths.computeIfAbsent(value, counter::length);
    }

    /**
     * Shortens the first part that still can; {@code room} is what the elastic parts may weigh.
     * False when nothing can give way any more.
     */
    boolean giveWay(int room) {
      if (template.has(Placeholder.AUTHORS) && authorVariant < parts.authors.size() - 1) {
        authorVariant++;
        return true;
      }
      if (template.has(Placeholder.SUMMARY) && summaryCut == null && sentenceCount > 1) {
        sentenceCount--;
        return true;
      }
      if (template.has(Placeholder.SUMMARY) && sentenceCount == 1 && summaryCut == null) {
        summaryCut = cut(parts.sentences.get(0), room - without(Placeholder.SUMMARY) - 1);
        return true;
      }
      if (template.has(Placeholder.SUMMARY) && summaryCut != null && !summaryCut.isEmpty()) {
        summaryCut =
            cut(
                summaryCut.replace(ELLIPSIS, ""),
                Math.min(lengthOf(summaryCut) - 1, room - without(Placeholder.SUMMARY) - 1));
        return true;
      }
      if (template.has(Placeholder.CREDITS) && creditCount > 0) {
        creditCount--;
        return true;
      }
      if (template.has(Placeholder.TITLE) && (titleCut == null || !titleCut.isEmpty())) {
        String current = titleCut == null ? parts.title : titleCut.replace(ELLIPSIS, "");
        int budget = room - without(Placeholder.TITLE) - 1;
        if (titleCut != null) {
          budget = Math.min(budget, lengthOf(titleCut) - 1);
        }
        String next = cut(current, budget);
        if (next.isEmpty()) {
          return false;
        }
        titleCut = next;
        return true;
      }
      return false;
    }

    /** The elastic length with {@code part} left out, or all of it for {@code null}. */
    private int without(Placeholder part) {
      Map<Placeholder, String> values = values();
      int length = 0;
      for (Placeholder p : GIVE_WAY) {
        String value = values.get(p);
        if (p != part && template.has(p) && !value.isEmpty()) {
          length += lengthOf(p, value) + 1;
        }
      }
      return length;
    }
  }

  /**
   * The longest prefix of {@code text} ending at a word boundary that, with an ellipsis, weighs at
   * most {@code budget} by {@link TextCounter#weightOf}; empty when too little fits. Text without
   * spaces (Chinese, Japanese) is cut between two characters, never inside one.
   */
  String cut(String text, int budget) {
    int room = budget - ellipsisLength;
    if (room < MIN_CUT) {
      return "";
    }
    int weight = 0;
    int end = 0;
    int lastSpace = -1;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      weight += counter.weightOf(codePoint);
      if (weight > room) {
        break;
      }
      if (Character.isWhitespace(codePoint)) {
        lastSpace = end;
      }
      end += Character.charCount(codePoint);
    }
    if (end == text.length()) {
      return text;
    }
    if (Character.isWhitespace(text.codePointAt(end))) {
      lastSpace = end;
    }
    int cutAt = lastSpace > 0 ? lastSpace : characterBoundary(text, end);
    // "a, b; c:" reads badly before an ellipsis; drop dangling separators.
    String prefix = DANGLING_SEPARATORS.matcher(text.substring(0, cutAt)).replaceAll("");
    if (prefix.isEmpty()) {
      return "";
    }
    // Whole sentences are tried before any cut, so a cut always falls inside a sentence.
    return prefix + ELLIPSIS;
  }

  /** The last boundary between user-perceived characters at or before {@code index}. */
  private static int characterBoundary(String text, int index) {
    BreakIterator characters = BreakIterator.getCharacterInstance();
    characters.setText(text);
    return characters.isBoundary(index) ? index : Math.max(0, characters.preceding(index));
  }

  /** A paper's post parts: fixed values, and the elastic ones with their shorter forms. */
  private record Parts(
      Map<Placeholder, String> fixed,
      String title,
      List<String> sentences,
      List<String> authors,
      List<String> credits) {

    Parts withoutSummary() {
      return new Parts(fixed, title, List.of(), authors, credits);
    }

    Parts summaryOnly() {
      return new Parts(fixed, "", sentences, List.of(""), List.of());
    }
  }
}

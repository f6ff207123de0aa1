package org.paperboy.compose;

import java.text.BreakIterator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.paperboy.model.Paper;
import org.paperboy.model.Placeholder;
import org.paperboy.model.Post;
import org.paperboy.model.Summary;

/**
 * Fills a {@link Template} so that the post never exceeds the platform's limit by the platform's
 * own count. The summary is cut at a word boundary with an ellipsis; the title is cut only when
 * nothing else fits. The text is measured a bounded number of times (one when it fits, about three
 * when it must be cut), never once per candidate. Thread-safe.
 */
public final class PostComposer {

  private static final String ELLIPSIS = "…";
  private static final java.util.regex.Pattern SENTENCE_END =
      java.util.regex.Pattern.compile("\\p{Ll}{3,}[.!?][\"”’)]?$");
  // A cut summary shorter than this says nothing; leave it out instead.
  private static final int MIN_SUMMARY_WEIGHT = 20;
  private static final int MAX_REFINEMENTS = 4;

  private final TextCounter counter;
  private final int ellipsisLength;

  public PostComposer(TextCounter counter) {
    this.counter = counter;
    this.ellipsisLength = counter.length(ELLIPSIS);
  }

  /**
   * The post for {@code paper}.
   *
   * @param hashtags hashtags, each with its {@code #}
   * @throws IllegalArgumentException when even the template's fixed parts and the link exceed the
   *     limit
   */
  public Post compose(Template template, Paper paper, Summary summary, List<String> hashtags) {
    Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
    values.put(Placeholder.LINK, Links.forPaper(paper));
    values.put(Placeholder.DOI, paper.doi() == null ? "" : paper.doi());
    values.put(Placeholder.JOURNAL, paper.journal() == null ? "" : paper.journal());
    values.put(Placeholder.HASHTAGS, String.join(" ", hashtags));
    String title = summary.title();
    String text = template.has(Placeholder.SUMMARY) ? summary.text() : "";

    Post whole = measure(template, values, title, text);
    if (whole.length() <= counter.limit()) {
      return whole;
    }
    if (!text.isEmpty()) {
      Post withoutSummary = measure(template, values, title, "");
      Post cut = fitted(template, values, title, text, false, withoutSummary.length());
      if (cut != null) {
        return cut;
      }
      if (withoutSummary.length() <= counter.limit()) {
        return withoutSummary;
      }
    }
    Post withoutTitle = measure(template, values, "", "");
    Post cut = fitted(template, values, title, "", true, withoutTitle.length());
    if (cut != null) {
      return cut;
    }
    throw new IllegalArgumentException(
        "the template's fixed parts alone are "
            + withoutTitle.length()
            + " long, over the limit of "
            + counter.limit()
            + ": "
            + withoutTitle.text());
  }

  /**
   * The post with the title (when {@code cutTitle}) or the summary cut to fit, or {@code null} when
   * too little room is left for it.
   */
  private Post fitted(
      Template template,
      Map<Placeholder, String> values,
      String title,
      String text,
      boolean cutTitle,
      int lengthWithoutIt) {
    // One separating space comes back with the part; the rest of the text is additive because
    // URLs and emoji never span a space.
    int budget = counter.limit() - lengthWithoutIt - 1;
    for (int round = 0; round < MAX_REFINEMENTS && budget >= MIN_SUMMARY_WEIGHT; round++) {
      String part = cut(cutTitle ? title : text, budget);
      if (part.isEmpty()) {
        return null;
      }
      Post post =
          cutTitle ? measure(template, values, part, "") : measure(template, values, title, part);
      if (post.length() <= counter.limit()) {
        return post;
      }
      // Rare: the part held a short URL or a multi-code-point emoji counted differently alone.
      budget -= post.length() - counter.limit();
    }
    return null;
  }

  /**
   * The longest prefix of {@code text} ending at a word boundary that, with an ellipsis, weighs at
   * most {@code budget} by {@link TextCounter#weightOf}; empty when nothing fits. Text without
   * spaces (Chinese, Japanese) is cut between two characters, never inside one.
   */
  String cut(String text, int budget) {
    int room = budget - ellipsisLength;
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
    String prefix = text.substring(0, cutAt).replaceAll("[\\s,;:–—-]+$", "");
    if (prefix.isEmpty()) {
      return "";
    }
    // A cut that falls after a whole sentence needs no ellipsis.
    return SENTENCE_END.matcher(prefix).find() ? prefix : prefix + ELLIPSIS;
  }

  /** The last boundary between user-perceived characters at or before {@code index}. */
  private static int characterBoundary(String text, int index) {
    BreakIterator characters = BreakIterator.getCharacterInstance();
    characters.setText(text);
    return characters.isBoundary(index) ? index : Math.max(0, characters.preceding(index));
  }

  private Post measure(
      Template template, Map<Placeholder, String> values, String title, String text) {
    Map<Placeholder, String> all = new EnumMap<>(values);
    all.put(Placeholder.TITLE, title);
    all.put(Placeholder.SUMMARY, text);
    String filled = template.fill(all);
    return new Post(filled, Math.max(1, counter.length(filled)));
  }
}

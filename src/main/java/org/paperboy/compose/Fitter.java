package org.paperboy.compose;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.model.Placeholder;
import org.paperboy.model.Post;
import org.paperboy.model.TextRules;

/**
 * Fits a post's parts into a template within the platform's limit. When the whole post is too long,
 * its parts give way in this order: the authors shorten (names, surnames, "First et al."), the
 * summary keeps fewer whole sentences and then a first sentence cut at a word boundary with an
 * ellipsis, credits drop from the end, and only then is the title cut.
 *
 * <p>Each part, down to each sentence and credit, is measured once and the post's length estimated
 * from the parts (URLs and emoji never span a space, so lengths add up); the chosen text is
 * measured once more to be sure. Thread-safe.
 */
final class Fitter {

  private static final int MAX_REFINEMENTS = 4;
  private static final Placeholder[] GIVE_WAY = {
    Placeholder.AUTHORS, Placeholder.SUMMARY, Placeholder.CREDITS, Placeholder.TITLE
  };

  private final TextRules rules;
  private final WordCut words;

  Fitter(TextRules rules) {
    this.rules = rules;
    this.words = new WordCut(rules);
  }

  /**
   * The best text of {@code parts} in {@code template} that fits.
   *
   * @throws IllegalArgumentException when even the template's fixed parts exceed the limit
   */
  Post fit(Template template, PostParts parts) {
    Choice choice = new Choice(template, parts);
    Map<Placeholder, String> empty = new EnumMap<>(parts.fixed());
    for (Placeholder p : GIVE_WAY) {
      empty.put(p, "");
    }
    int base = rules.length(template.fill(empty));
    int penalty = 0;
    for (int round = 0; round <= MAX_REFINEMENTS; round++) {
      while (base + choice.elasticLength() + penalty > rules.limit()) {
        if (!choice.giveWay(rules.limit() - penalty - base)) {
          throw new IllegalArgumentException(
              "the template's fixed parts alone are "
                  + base
                  + " long, over the limit of "
                  + rules.limit()
                  + ": "
                  + template.fill(empty));
        }
      }
      String text = template.fill(choice.values());
      int length = rules.length(text);
      if (length <= rules.limit()) {
        return new Post(text, Math.max(1, length), rules.limit());
      }
      // Rare: a part held a short URL, or sat against punctuation, and counted differently alone.
      penalty += length - rules.limit();
    }
    throw new IllegalStateException(
        "cannot fit a post within " + rules.limit() + ": " + parts.title());
  }

  /** Where the post's elastic parts stand while it is being fitted. */
  private final class Choice {
    private final Template template;
    private final PostParts parts;
    private int authorVariant;
    private int sentenceCount;
    private String summaryCut;
    private int creditCount;
    private String titleCut;
    private final Map<String, Integer> lengths = new HashMap<>();

    Choice(Template template, PostParts parts) {
      this.template = template;
      this.parts = parts;
      this.sentenceCount = parts.sentences().size();
      this.creditCount = parts.credits().size();
    }

    Map<Placeholder, String> values() {
      Map<Placeholder, String> values = new EnumMap<>(parts.fixed());
      values.put(Placeholder.AUTHORS, parts.authors().get(authorVariant));
      values.put(Placeholder.SUMMARY, summary());
      values.put(Placeholder.CREDITS, String.join(" ", parts.credits().subList(0, creditCount)));
      values.put(Placeholder.TITLE, titleCut != null ? titleCut : parts.title());
      return values;
    }

    private String summary() {
      return summaryCut != null
          ? summaryCut
          : String.join(" ", parts.sentences().subList(0, sentenceCount));
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
                : joinedLength(parts.sentences().subList(0, sentenceCount));
        case CREDITS -> joinedLength(parts.credits().subList(0, creditCount));
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
      return lengths.computeIfAbsent(value, rules::length);
    }

    /**
     * Shortens the first part that still can; {@code room} is what the elastic parts may weigh.
     * False when nothing can give way any more.
     */
    boolean giveWay(int room) {
      if (template.has(Placeholder.AUTHORS) && authorVariant < parts.authors().size() - 1) {
        authorVariant++;
        return true;
      }
      if (template.has(Placeholder.SUMMARY) && summaryCut == null && sentenceCount > 1) {
        sentenceCount = sentencesThatFit(room - without(Placeholder.SUMMARY) - 1);
        return true;
      }
      if (template.has(Placeholder.SUMMARY) && sentenceCount == 1 && summaryCut == null) {
        summaryCut =
            shorter(
                words.cut(parts.sentences().get(0), room - without(Placeholder.SUMMARY) - 1),
                parts.sentences().get(0));
        return true;
      }
      if (template.has(Placeholder.SUMMARY) && summaryCut != null && !summaryCut.isEmpty()) {
        summaryCut =
            shorter(
                words.cut(
                    summaryCut.replace(WordCut.ELLIPSIS, ""),
                    Math.min(lengthOf(summaryCut) - 1, room - without(Placeholder.SUMMARY) - 1)),
                summaryCut);
        return true;
      }
      if (template.has(Placeholder.CREDITS) && creditCount > 0) {
        creditCount--;
        return true;
      }
      if (template.has(Placeholder.TITLE) && (titleCut == null || !titleCut.isEmpty())) {
        String current = titleCut == null ? parts.title() : titleCut.replace(WordCut.ELLIPSIS, "");
        int budget = room - without(Placeholder.TITLE) - 1;
        if (titleCut != null) {
          budget = Math.min(budget, lengthOf(titleCut) - 1);
        }
        String next =
            shorter(words.cut(current, budget), titleCut == null ? parts.title() : titleCut);
        if (next.isEmpty()) {
          return false;
        }
        titleCut = next;
        return true;
      }
      return false;
    }

    /**
     * How many of the summary's first sentences fit in {@code room}, fewer than now and at least
     * one: a long abstract gives way in one step, not a sentence at a time.
     */
    private int sentencesThatFit(int room) {
      int fit = 1;
      int length = lengthOf(parts.sentences().get(0));
      for (int count = 2; count < sentenceCount; count++) {
        length += 1 + lengthOf(parts.sentences().get(count - 1));
        if (length > room) {
          break;
        }
        fit = count;
      }
      return fit;
    }

    /**
     * {@code cut} when it gave way, else empty: a part that gives way must get shorter, so that
     * fitting always ends.
     */
    private String shorter(String cut, String before) {
      return cut.equals(before) ? "" : cut;
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
}

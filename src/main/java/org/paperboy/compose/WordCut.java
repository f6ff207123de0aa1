package org.paperboy.compose;

import java.text.BreakIterator;
import java.util.regex.Pattern;
import org.paperboy.model.TextRules;

/**
 * Cuts text at a word boundary to fit a budget, with an ellipsis: the last resort of a summary or a
 * title that will not fit whole. Text without spaces (Chinese, Japanese) is cut between two
 * characters, never inside one. Thread-safe.
 */
final class WordCut {

  static final String ELLIPSIS = "…";
  private static final Pattern DANGLING_SEPARATORS = Pattern.compile("[\\s,;:–—-]+$");
  // A cut shorter than this says nothing; leave the part out instead.
  private static final int MIN_CUT = 20;

  private final TextRules rules;
  private final int ellipsisLength;

  WordCut(TextRules rules) {
    this.rules = rules;
    this.ellipsisLength = rules.length(ELLIPSIS);
  }

  /**
   * The longest prefix of {@code text} ending at a word boundary that, with an ellipsis, weighs at
   * most {@code budget} by {@link TextRules#weightOf}; {@code text} itself when it fits whole;
   * empty when too little fits.
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
      weight += rules.weightOf(codePoint);
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
}

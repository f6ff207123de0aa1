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
   * The longest prefix of {@code text} ending at a word boundary that, with an ellipsis, is at most
   * {@code budget} long by the platform's count; {@code text} itself when it fits whole; empty when
   * too little fits. Always shorter than {@code text} unless it is {@code text}, so that a cut
   * asked for again gives way or gives up.
   */
  String cut(String text, int budget) {
    int room = budget - ellipsisLength;
    if (room < MIN_CUT) {
      return "";
    }
    if (rules.length(text) <= budget) {
      return text;
    }
    // The code points' weights bound most text's length from above, so the scan finds where a
    // cut may end without measuring every candidate.
    int weight = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      weight += rules.weightOf(codePoint);
      if (weight > room) {
        break;
      }
      end += Character.charCount(codePoint);
    }
    // Words that read as links ("x.ru") count more than their weights: give way a word at a
    // time until the platform's own count agrees.
    while (end > 0) {
      String prefix = wordPrefix(text, end);
      if (prefix.isEmpty()) {
        return "";
      }
      String cut = prefix + ELLIPSIS;
      if (rules.length(cut) <= budget) {
        return cut;
      }
      end = prefix.length() - 1;
    }
    return "";
  }

  /**
   * The text before the last word boundary at or before {@code end}, without dangling separators:
   * whole sentences are tried before any cut, so a cut falls inside a sentence.
   */
  private static String wordPrefix(String text, int end) {
    int cutAt = end;
    if (end < text.length() && !Character.isWhitespace(text.codePointAt(end))) {
      int lastSpace = -1;
      for (int i = end - 1; i > 0; i--) {
        if (Character.isWhitespace(text.charAt(i))) {
          lastSpace = i;
          break;
        }
      }
      cutAt = lastSpace > 0 ? lastSpace : characterBoundary(text, end);
    }
    // "a, b; c:" reads badly before an ellipsis; drop dangling separators.
    return DANGLING_SEPARATORS.matcher(text.substring(0, cutAt)).replaceAll("");
  }

  /** The last boundary between user-perceived characters at or before {@code index}. */
  private static int characterBoundary(String text, int index) {
    BreakIterator characters = BreakIterator.getCharacterInstance();
    characters.setText(text);
    return characters.isBoundary(index) ? index : Math.max(0, characters.preceding(index));
  }
}

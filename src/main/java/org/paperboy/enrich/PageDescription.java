package org.paperboy.enrich;

import java.util.regex.Pattern;

/**
 * A page's short description ({@code og:description}, {@code description}) as an abstract. Pages
 * cut these to a length, mid-sentence and often mid-word, without a mark: LWW's {@code
 * og:description} and JAMA Network's {@code description} end "…the relation of HF". Posted as it
 * is, the cut reads as a broken fragment; it is ended at the last whole word with an ellipsis,
 * which the summariser knows for a cut.
 */
final class PageDescription {

  private static final String ELLIPSIS = "…";
  // What may end a whole text: a sentence's end, then closing quotes or brackets.
  private static final Pattern WHOLE = Pattern.compile("[.!?…。！？][\"'”’)\\]]*$");
  private static final Pattern DANGLING = Pattern.compile("[\\s,;:–—(\\[-]+$");

  private PageDescription() {}

  /**
   * {@code text} itself when it ends a sentence; else cut after its last whole word, with an
   * ellipsis; {@code null} for null.
   */
  static String endedAtAWord(String text) {
    if (text == null || WHOLE.matcher(text).find()) {
      return text;
    }
    int lastSpace = text.length() - 1;
    while (lastSpace > 0 && !Character.isWhitespace(text.charAt(lastSpace))) {
      lastSpace--;
    }
    if (lastSpace <= 0) {
      // Chinese and Japanese have no spaces: every character ends a word.
      return text.codePoints().anyMatch(Character::isIdeographic) ? text + ELLIPSIS : text;
    }
    String kept = DANGLING.matcher(text.substring(0, lastSpace)).replaceAll("");
    return kept.isEmpty() ? text : kept + ELLIPSIS;
  }
}

package org.paperboy.platform.bluesky;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.model.TextRules;

/**
 * Bluesky's rules for a post's text: at most 300 graphemes (extended grapheme clusters, as {@code
 * \X} counts them) and 3,000 bytes of UTF-8 (app.bsky.feed.post's lexicon), of the text as it
 * shows, links shortened. One number holds both: the graphemes, or a tenth of the bytes when that
 * is more. Bluesky links and mentions only what a facet marks, so feed text mentions no one.
 * Thread-safe.
 */
public final class BlueskyText implements TextRules {

  static final int GRAPHEMES = 300;
  static final int BYTES = 3000;
  private static final Pattern GRAPHEME = Pattern.compile("\\X");
  // app.bsky.richtext.facet#tag: at most 64 graphemes, not all digits, no spaces or punctuation.
  private static final Pattern TAG =
      Pattern.compile("#(?=[^#\\s]*[^\\d\\s\\p{P}])[^\\s\\p{P}]{1,64}");

  @Override
  public String platform() {
    return "bluesky";
  }

  @Override
  public int limit() {
    return GRAPHEMES;
  }

  @Override
  public int length(String text) {
    String shown = BlueskyLinks.visible(text);
    int bytes = shown.getBytes(StandardCharsets.UTF_8).length;
    return Math.max(graphemes(shown), (bytes * GRAPHEMES + BYTES - 1) / BYTES);
  }

  /** A code point is never more than one grapheme, nor more than four bytes (0.4 of a unit). */
  @Override
  public int weightOf(int codePoint) {
    return 1;
  }

  @Override
  public String neutralise(String text) {
    return text;
  }

  @Override
  public boolean isHashtag(String tag) {
    return TAG.matcher(tag).matches();
  }

  @Override
  public boolean holdsLink(String text) {
    return !BlueskyLinks.in(text).isEmpty();
  }

  /**
   * {@code text} when it is at most {@code graphemes} graphemes long, else its first {@code
   * graphemes - 1} and an ellipsis: cut between graphemes, never inside a character (which would
   * leave half a surrogate pair, sent as "?") nor inside an emoji sequence.
   */
  static String cut(String text, int graphemes) {
    Matcher grapheme = GRAPHEME.matcher(text);
    int count = 0;
    int end = 0;
    while (grapheme.find()) {
      count++;
      if (count == graphemes - 1) {
        end = grapheme.end();
      }
      if (count > graphemes) {
        return text.substring(0, end) + "…";
      }
    }
    return text;
  }

  static int graphemes(String text) {
    int count = 0;
    Matcher grapheme = GRAPHEME.matcher(text);
    while (grapheme.find()) {
      count++;
    }
    return count;
  }
}

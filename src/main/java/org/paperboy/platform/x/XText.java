package org.paperboy.platform.x;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import com.twitter.twittertext.TwitterTextParser;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.paperboy.model.TextRules;

/**
 * X's rules for a post's text, as twitter-text 3.1 reads it. Its length is X's weighted length,
 * exactly as {@code parseTweet} counts it: NFC first, every URL 23, code points in the "light"
 * ranges 1, everything else (CJK, emoji sequences) 2.
 *
 * <p>{@code parseTweet} costs about 0.45 ms, nearly all of it in its emoji regex, and its URL
 * search costs more the longer the text. Yet an emoji weighs other than its code points only when
 * it is a sequence, and every sequence holds a joiner, a variation selector, a keycap or a code
 * point beyond the BMP. So this class sums the code points' weights itself, and calls twitter-text
 * only for a word holding one of those (neither an emoji sequence nor a URL spans a space). It
 * looks for URLs only where a dot precedes a letter, as every top-level domain begins with one, and
 * keeps what it found in each such word. The corpus and property tests hold the two to the same
 * answer.
 */
public final class XText implements TextRules {

  private static final TwitterTextConfiguration CONFIG =
      TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;
  private static final int URL_LENGTH = CONFIG.getTransformedURLLength();
  private static final boolean[] LIGHT = lightTable();

  private static final int URL_WORDS_KEPT = 4096;
  private static final char ZERO_WIDTH_SPACE = '\u200B';

  private final Extractor extractor = new Extractor();
  private final Map<String, Integer> urlWords = new ConcurrentHashMap<>();
  private final Map<String, Integer> emojiWords = new ConcurrentHashMap<>();
  // The configured tags are few and checked for every post: each is checked once.
  private final Map<String, Boolean> validTags = new ConcurrentHashMap<>();

  @Override
  public String platform() {
    return "x";
  }

  @Override
  public int limit() {
    return CONFIG.getMaxWeightedTweetLength();
  }

  @Override
  public int length(String text) {
    String normalised =
        Normalizer.isNormalized(text, Normalizer.Form.NFC)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFC);
    if (normalised.isBlank()) {
      return 0;
    }
    // Each URL weighs 23 whatever its length, in place of its code points, and each emoji sequence
    // 2. Neither spans a space, so the text is weighed a word at a time: twitter-text's patterns
    // are slow over long text, and only a word that may hold one is handed to them (with the space
    // either side, as the URL pattern reads them).
    int length = 0;
    for (int start = 0; start < normalised.length(); ) {
      int end = start;
      boolean emoji = false;
      int weight = 0;
      while (end < normalised.length() && !isAsciiSpace(normalised.charAt(end))) {
        int codePoint = normalised.codePointAt(end);
        emoji |= mayBePartOfAnEmojiSequence(codePoint);
        weight += weightOf(codePoint);
        end += Character.charCount(codePoint);
      }
      if (emoji) {
        // With the space either side, as in the text: what precedes a link changes what it is.
        String word =
            normalised.substring(Math.max(0, start - 1), Math.min(normalised.length(), end + 1));
        int edges = (start > 0 ? 1 : 0) + (end < normalised.length() ? 1 : 0);
        length += emojiWord(word) - edges;
      } else {
        length += weight;
        if (mayHoldAUrl(normalised, start, end)) {
          length += urlAdjustment(withEdges(normalised, start, end));
        }
      }
      if (end < normalised.length()) {
        length += weightOf(normalised.charAt(end));
      }
      start = end + 1;
    }
    return length;
  }

  /**
   * The word at {@code text[start, end)} with the character either side, as twitter-text's URL
   * pattern reads them. Its "preceding character" group takes the character before a URL or the
   * start of the text, never an ASCII letter or digit: a word starting with one reads the same
   * after a space as at the start, and is given the space, so that a post's link has one answer
   * whether it was counted at the start of a part or in the post. (Not so for "éx.com": at the
   * start its URL is "x.com", after a space "éx.com".)
   */
  private static String withEdges(String text, int start, int end) {
    String word = text.substring(Math.max(0, start - 1), Math.min(text.length(), end + 1));
    boolean atStart = start == 0 && word.charAt(0) < 0x80;
    return atStart && Character.isLetterOrDigit(word.charAt(0)) ? " " + word : word;
  }

  /**
   * What the URLs in {@code word} add to the sum of its code points' weights: each weighs 23 in
   * place of them. The answers are kept, up to a bound, as each post's link is counted twice.
   */
  private int urlAdjustment(String word) {
    Integer known = urlWords.get(word);
    if (known != null) {
      return known;
    }
    int adjustment = 0;
    for (Extractor.Entity url : extractor.extractURLsWithIndices(word)) {
      adjustment += URL_LENGTH - weight(word, url.getStart(), url.getEnd());
    }
    if (urlWords.size() >= URL_WORDS_KEPT) {
      urlWords.clear();
    }
    urlWords.put(word, adjustment);
    return adjustment;
  }

  /**
   * A word holding an emoji sequence, with the space either side, weighed by twitter-text itself;
   * kept, as URL words are.
   */
  private int emojiWord(String word) {
    Integer known = emojiWords.get(word);
    if (known != null) {
      return known;
    }
    int weight = TwitterTextParser.parseTweet(word, CONFIG).weightedLength;
    if (emojiWords.size() >= URL_WORDS_KEPT) {
      emojiWords.clear();
    }
    emojiWords.put(word, weight);
    return weight;
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  private int weight(String text, int start, int end) {
    int weight = 0;
    for (int i = start; i < end; ) {
      int codePoint = text.codePointAt(i);
      weight += weightOf(codePoint);
      i += Character.charCount(codePoint);
    }
    return weight;
  }

  private static boolean mayBePartOfAnEmojiSequence(int codePoint) {
    return codePoint >= Character.MIN_SUPPLEMENTARY_CODE_POINT
        || Character.isSurrogate((char) codePoint)
        || codePoint == 0x200D // zero-width joiner
        || codePoint == 0x20E3 // combining enclosing keycap
        || codePoint == 0xFE0E // text presentation selector
        || codePoint == 0xFE0F; // emoji presentation selector
  }

  /** True when a dot precedes a letter in {@code text[start, end)}. */
  private static boolean mayHoldAUrl(String text, int start, int end) {
    for (int dot = text.indexOf('.', start); dot >= 0 && dot + 1 < end; ) {
      if (Character.isLetter(text.codePointAt(dot + 1))) {
        return true;
      }
      dot = text.indexOf('.', dot + 1);
    }
    return false;
  }

  /**
   * An "@name" or "$TICKER" that twitter-text would extract gets a zero-width space after its
   * sigil, so it reads the same but links nowhere.
   */
  @Override
  public String neutralise(String text) {
    if (text.indexOf('@') < 0 && text.indexOf('＠') < 0 && text.indexOf('$') < 0) {
      return text;
    }
    List<Extractor.Entity> entities =
        new ArrayList<>(extractor.extractMentionsOrListsWithIndices(text));
    entities.addAll(extractor.extractCashtagsWithIndices(text));
    entities.sort(Comparator.comparingInt(Extractor.Entity::getStart).reversed());
    StringBuilder out = new StringBuilder(text);
    for (Extractor.Entity entity : entities) {
      // The entity starts at its sigil ("@" or "$"); break the link right after it.
      out.insert(entity.getStart() + 1, ZERO_WIDTH_SPACE);
    }
    return out.toString();
  }

  /** True when twitter-text finds a URL in it, as X does when it bills a post with a link. */
  @Override
  public boolean holdsLink(String text) {
    return !extractor.extractURLs(text).isEmpty();
  }

  /** True when twitter-text extracts exactly this tag from it. */
  @Override
  public boolean isHashtag(String tag) {
    return validTags.computeIfAbsent(
        tag, t -> extractor.extractHashtags(t).equals(List.of(t.substring(1))));
  }

  @Override
  public int weightOf(int codePoint) {
    return codePoint < LIGHT.length && LIGHT[codePoint] ? 1 : 2;
  }

  /**
   * The code points weighed 1 by the configuration's ranges, less those that alone match the emoji
   * pattern (© and ®), which twitter-text weighs 2.
   */
  private static boolean[] lightTable() {
    int scale = CONFIG.getScale();
    int top = 0;
    for (TwitterTextConfiguration.TwitterTextWeightedRange range : CONFIG.getRanges()) {
      if (range.getWeight() == scale) {
        top = Math.max(top, range.getRange().end + 1);
      }
    }
    boolean[] light = new boolean[top];
    for (TwitterTextConfiguration.TwitterTextWeightedRange range : CONFIG.getRanges()) {
      if (range.getWeight() == scale) {
        for (int c = range.getRange().start; c <= range.getRange().end; c++) {
          light[c] = !Character.isSurrogate((char) c);
        }
      }
    }
    for (int c = 0; c < top; c++) {
      if (light[c]
          && TwitterTextEmojiRegex.VALID_EMOJI_PATTERN
              .matcher(String.valueOf((char) c))
              .matches()) {
        light[c] = false;
      }
    }
    return light;
  }
}

package org.paperboy.compose;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import com.twitter.twittertext.TwitterTextParser;
import java.text.Normalizer;
import java.util.List;

/**
 * X's weighted length, exactly as twitter-text 3.1's {@code parseTweet} counts it: NFC first, every
 * URL 23, code points in the "light" ranges 1, everything else (CJK, emoji sequences) 2.
 *
 * <p>{@code parseTweet} costs about 0.45 ms, nearly all of it in its emoji regex. Text made only of
 * light code points can hold no emoji, so for it this class counts code points and URLs itself
 * (same rules, a fraction of the cost) and calls twitter-text only for text with other characters.
 * The corpus and property tests hold the two to the same answer.
 */
public final class XTextCounter implements TextCounter {

  private static final TwitterTextConfiguration CONFIG =
      TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;
  private static final int URL_LENGTH = CONFIG.getTransformedURLLength();
  private static final boolean[] LIGHT = lightTable();

  private final Extractor extractor = new Extractor();

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
    for (int i = 0; i < normalised.length(); i++) {
      char c = normalised.charAt(i);
      if (c >= LIGHT.length || !LIGHT[c]) {
        return TwitterTextParser.parseTweet(text, CONFIG).weightedLength;
      }
    }
    // Only light code points (all in the BMP): one unit each, each URL 23 whatever its length.
    int length = normalised.length();
    List<Extractor.Entity> urls = extractor.extractURLsWithIndices(normalised);
    for (Extractor.Entity url : urls) {
      length += URL_LENGTH - (url.getEnd() - url.getStart());
    }
    return length;
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

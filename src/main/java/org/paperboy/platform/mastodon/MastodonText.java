package org.paperboy.platform.mastodon;

import com.twitter.twittertext.Extractor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.model.TextRules;

/**
 * Mastodon's rules for a post's text, as Mastodon 4 counts and links it: the length is the grapheme
 * count of the stripped text with each link that has a protocol counted as the instance's {@code
 * characters_reserved_per_url}, and each mention as its local part (app/validators/
 * status_length_validator.rb); links are found as Mastodon finds them, with twitter-text's
 * extractor (app/lib/extractor.rb extends it), mentions and hashtags by Mastodon's own patterns
 * (Account::MENTION_RE, Tag::HASHTAG_RE). Thread-safe.
 */
public final class MastodonText implements TextRules {

  // Ruby's [[:word:]]: letters, marks, decimal digits and connector punctuation; not "²" or "Ⅻ".
  private static final String WORD = "\\p{L}\\p{M}\\p{Nd}\\p{Pc}";
  // Account::MENTION_RE: @user or @user@domain, not after a word character, "=" or "/".
  private static final Pattern MENTION =
      Pattern.compile(
          "(?<![=/"
              + WORD
              + "])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@["
              + WORD
              + "]+(?:[.-]+["
              + WORD
              + "]+)*)?",
          Pattern.CASE_INSENSITIVE);
  // twitter-text's end_mention_match, which Mastodon's Extractor keeps: a mention followed by an @,
  // a Latin accented letter or "://" is none, and counts as the text it is.
  private static final Pattern NOT_AFTER_MENTION =
      Pattern.compile(
          "[@\\uFF20\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F\\u0253\\u0254"
              + "\\u0256\\u0257\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB"
              + "\\u0300-\\u036F\\u1E00-\\u1EFF]|://");
  // Tag::HASHTAG_RE: word characters with a letter among them; its separators (·, ・ and the
  // zero-width non-joiner) only between them, never at either end.
  private static final String SEPARATORS = "_\\u00B7\\u30FB\\u200C";
  private static final Pattern HASHTAG =
      Pattern.compile(
          "#(?:["
              + WORD
              + "_]["
              + WORD
              + SEPARATORS
              + "]*[\\p{L}\\p{M}"
              + SEPARATORS
              + "]["
              + WORD
              + SEPARATORS
              + "]*["
              + WORD
              + "_]|["
              + WORD
              + "_]*[\\p{L}\\p{M}]["
              + WORD
              + "_]*)");
  private static final Pattern GRAPHEME = Pattern.compile("\\X");
  private static final char ZERO_WIDTH_SPACE = '\u200B';

  private final MastodonInstance instance;
  private final Extractor extractor = new Extractor();

  public MastodonText(MastodonInstance instance) {
    this.instance = instance;
    // Mastodon gives a length concession only to links with a protocol.
    extractor.setExtractURLWithoutProtocol(false);
  }

  @Override
  public String platform() {
    return "mastodon";
  }

  @Override
  public int limit() {
    return instance.limits().maxCharacters();
  }

  @Override
  public int length(String text) {
    return graphemes(countable(stripped(text)));
  }

  /** A code point is never more than one grapheme. */
  @Override
  public int weightOf(int codePoint) {
    return 1;
  }

  /**
   * Text from a feed that would mention someone on Mastodon gets a zero-width space after its @.
   */
  @Override
  public String neutralise(String text) {
    if (text.indexOf('@') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    Matcher mention = MENTION.matcher(text);
    List<Integer> sigils = new ArrayList<>();
    while (mention.find()) {
      sigils.add(mention.start());
    }
    for (int i = sigils.size() - 1; i >= 0; i--) {
      out.insert(sigils.get(i) + 1, ZERO_WIDTH_SPACE);
    }
    return out.toString();
  }

  @Override
  public boolean isHashtag(String tag) {
    return HASHTAG.matcher(tag).matches();
  }

  @Override
  public boolean holdsLink(String text) {
    return !extractor.extractURLs(text).isEmpty();
  }

  /** The text as Mastodon counts it: each link a placeholder, each mention its local part. */
  private String countable(String text) {
    record Entity(int start, int end, String replacement) {}
    List<Entity> entities = new ArrayList<>();
    String placeholder = "x".repeat(instance.limits().urlLength());
    for (Extractor.Entity url : extractor.extractURLsWithIndices(text)) {
      entities.add(new Entity(url.getStart(), urlEnd(text, url), placeholder));
    }
    Matcher mention = MENTION.matcher(text);
    Matcher after = NOT_AFTER_MENTION.matcher(text);
    while (mention.find()) {
      int start = mention.start();
      boolean mentions = !after.region(mention.end(), text.length()).lookingAt();
      if (mentions && entities.stream().noneMatch(e -> start >= e.start() && start < e.end())) {
        entities.add(new Entity(start, mention.end(), "@" + mention.group(1)));
      }
    }
    entities.sort(Comparator.comparingInt(Entity::start).reversed());
    StringBuilder countable = new StringBuilder(text);
    for (Entity entity : entities) {
      countable.replace(entity.start(), entity.end(), entity.replacement());
    }
    return countable.toString();
  }

  /**
   * Where Mastodon ends a link twitter-text found: a path may not end in "=" on Mastodon
   * (config/initializers/twitter_regex.rb's valid_url_path_ending_chars), so a trailing "=" outside
   * a query counts as text.
   */
  private static int urlEnd(String text, Extractor.Entity url) {
    int end = url.getEnd();
    if (text.lastIndexOf('?', end - 1) < url.getStart()) {
      while (end > url.getStart() && text.charAt(end - 1) == '=') {
        end--;
      }
    }
    return end;
  }

  /**
   * {@code text} without the white space at its ends that Ruby's {@code String#strip} removes (NUL,
   * tab, line feed, vertical tab, form feed, carriage return, space): Mastodon strips a status's
   * text before it counts it (Status#prepare_contents).
   */
  private static String stripped(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && isRubySpace(text.charAt(from))) {
      from++;
    }
    while (to > from && isRubySpace(text.charAt(to - 1))) {
      to--;
    }
    return text.substring(from, to);
  }

  private static boolean isRubySpace(char c) {
    return c == ' ' || c == 0 || (c >= '\t' && c <= '\r');
  }

  private static int graphemes(String text) {
    int count = 0;
    Matcher grapheme = GRAPHEME.matcher(text);
    while (grapheme.find()) {
      count++;
    }
    return count;
  }
}

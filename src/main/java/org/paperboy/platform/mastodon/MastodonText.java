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
 * count of the text with each link that has a protocol counted as the instance's {@code
 * characters_reserved_per_url}, and each mention as its local part (app/validators/
 * status_length_validator.rb); links are found as Mastodon finds them, with twitter-text's
 * extractor (app/lib/extractor.rb extends it), mentions and hashtags by Mastodon's own patterns
 * (Account::MENTION_RE, Tag::HASHTAG_RE). Thread-safe.
 */
public final class MastodonText implements TextRules {

  // Account::MENTION_RE: @user or @user@domain, not inside a word or a URL.
  private static final Pattern MENTION =
      Pattern.compile(
          "(?<![=/\\p{L}\\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\\p{L}\\p{N}_]+(?:[.-]+[\\p{L}\\p{N}_]+)*)?",
          Pattern.CASE_INSENSITIVE);
  // Tag::HASHTAG_RE's simplest form: letters, marks, digits and _, with a letter among them.
  private static final Pattern HASHTAG =
      Pattern.compile("#[\\p{L}\\p{M}\\p{Nd}_·]*\\p{L}[\\p{L}\\p{M}\\p{Nd}_·]*");
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
    return graphemes(countable(text));
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
      entities.add(new Entity(url.getStart(), url.getEnd(), placeholder));
    }
    Matcher mention = MENTION.matcher(text);
    while (mention.find()) {
      int start = mention.start();
      if (entities.stream().noneMatch(e -> start >= e.start() && start < e.end())) {
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

  private static int graphemes(String text) {
    int count = 0;
    Matcher grapheme = GRAPHEME.matcher(text);
    while (grapheme.find()) {
      count++;
    }
    return count;
  }
}

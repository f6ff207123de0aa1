package org.paperboy.model;

/**
 * A platform's rules for the text of a post: its limit and how it counts, what in a feed's text it
 * would turn into a mention, and which words it reads as hashtags. The composer writes within them;
 * each platform brings its own. Implementations are thread-safe.
 */
public interface TextRules {

  /** The platform's name as a roster keys its people's handles: {@code x}, {@code mastodon}. */
  String platform();

  /** The longest post the platform accepts, in its units. */
  int limit();

  /** The length of {@code text} in the platform's units. */
  int length(String text);

  /**
   * An upper bound on what one code point adds to a text's length, used to cut long text without
   * measuring every candidate; {@link #length} has the last word.
   */
  int weightOf(int codePoint);

  /**
   * {@code text} with whatever the platform would read as a mention (or a ticker) defused, so that
   * text from a feed reads the same but notifies nobody.
   */
  String neutralise(String text);

  /** True when the platform reads {@code tag} (with its {@code #}) as exactly one hashtag. */
  boolean isHashtag(String tag);

  /** True when the platform reads a link in {@code text} (X bills such a post more). */
  boolean holdsLink(String text);
}

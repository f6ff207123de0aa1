package org.paperboy.platform.bluesky;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links in a post's text, and how Bluesky shows them: a link's visible text may be shortened
 * ({@code doi.org/10.1234/abc…}) while its facet carries the whole URL, which leaves the summary
 * more room. Both the count of a post and the record sent show the same text.
 */
final class BlueskyLinks {

  // A link with its scheme, to the next white space; closing punctuation is not part of it.
  private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
  private static final Pattern TRAILING = Pattern.compile("[.,;:!?'\")\\]}>…]+$");
  // The Bluesky app shortens a link's text to about this many characters (here graphemes).
  private static final int SHOWN = 30;

  /**
   * A link in a text.
   *
   * @param start where it starts, in chars
   * @param end where it ends, in chars, exclusive
   * @param url the whole URL
   */
  record Link(int start, int end, String url) {}

  private BlueskyLinks() {}

  /** The links in {@code text}, in order. */
  static List<Link> in(String text) {
    List<Link> links = new ArrayList<>();
    Matcher url = URL.matcher(text);
    while (url.find()) {
      String value = url.group();
      Matcher trailing = TRAILING.matcher(value);
      String trimmed = trailing.find() ? value.substring(0, trailing.start()) : value;
      // A closing parenthesis belongs to the link when the link opened one (Wikipedia-style).
      if (trimmed.contains("(") && value.startsWith(trimmed + ")")) {
        trimmed = trimmed + ")";
      }
      if (trimmed.length() > "https://".length()) {
        links.add(new Link(url.start(), url.start() + trimmed.length(), trimmed));
      }
    }
    return links;
  }

  /** How a link shows: without its scheme or www, cut with an ellipsis when long. */
  static String shown(String url) {
    return BlueskyText.cut(url.replaceFirst("^https?://", "").replaceFirst("^www\\.", ""), SHOWN);
  }

  /** {@code text} as it shows, each link's text shortened. */
  static String visible(String text) {
    List<Link> links = in(text);
    if (links.isEmpty()) {
      return text;
    }
    StringBuilder shown = new StringBuilder();
    int from = 0;
    for (Link link : links) {
      shown.append(text, from, link.start()).append(shown(link.url()));
      from = link.end();
    }
    return shown.append(text.substring(from)).toString();
  }
}

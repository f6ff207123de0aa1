package org.paperboy.platform.mastodon;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A status's {@code content} as text. Mastodon returns a post as the HTML it rendered (paragraphs,
 * line breaks, links whose scheme and tail sit in invisible spans, hashtags as links), never the
 * text that was sent; its tags are dropped, its line breaks kept and its entities decoded, which
 * gives back every visible character and every link in full.
 */
final class MastodonContent {

  private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern PARAGRAPH = Pattern.compile("(?i)</p>\\s*<p[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private MastodonContent() {}

  /** The visible text of {@code html}, its runs of white space folded to one space. */
  static String text(String html) {
    String text = BREAK.matcher(html).replaceAll("\n");
    text = PARAGRAPH.matcher(text).replaceAll("\n\n");
    text = TAG.matcher(text).replaceAll("");
    return folded(decode(text));
  }

  /** {@code text} with its runs of white space folded to one space, for comparing. */
  static String folded(String text) {
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  private static String decode(String text) {
    Matcher entity = ENTITY.matcher(text);
    return entity.replaceAll(
        m -> {
          String name = m.group(1);
          String character =
              switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default ->
                    new String(
                        Character.toChars(
                            name.startsWith("#x") || name.startsWith("#X")
                                ? Integer.parseInt(name.substring(2), 16)
                                : Integer.parseInt(name.substring(1))));
              };
          return Matcher.quoteReplacement(character);
        });
  }
}

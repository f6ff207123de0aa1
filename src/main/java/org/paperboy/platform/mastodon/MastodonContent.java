package org.paperboy.platform.mastodon;

import java.text.Normalizer;
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
  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
  private static final Pattern MENTION =
      Pattern.compile(
          "@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)@[\\p{L}\\p{M}\\p{Nd}\\p{Pc}.-]+",
          Pattern.CASE_INSENSITIVE);

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

  /**
   * {@code text} as it compares with what Mastodon shows of it: composed (NFC), without invisible
   * format characters (such as the zero-width space that defuses an @), each {@code @user@domain}
   * as {@code @user} (Mastodon shows a mention by its local part), its white space folded.
   */
  static String comparable(String text) {
    String visible =
        INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("");
    return folded(MENTION.matcher(visible).replaceAll("@$1"));
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

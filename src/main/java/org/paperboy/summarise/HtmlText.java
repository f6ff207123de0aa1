package org.paperboy.summarise;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns feed HTML into clean text: tags dropped, entities decoded (twice over for feeds that escape
 * their HTML), whitespace folded, and characters that X rejects or that render as nothing removed.
 * Thread-safe.
 */
public final class HtmlText {

  // Markup that survived one decoding: the feed escaped its HTML (OJS, Taylor & Francis).
  private static final Pattern ESCAPED_MARKUP =
      Pattern.compile(
          "</?(p|br|span|div|i|em|b|strong|sub|sup|jats:[a-z]+)\\b[^>]*>",
          Pattern.CASE_INSENSITIVE);
  // An entity that survived one decoding: "&amp;amp;" in the feed.
  private static final Pattern ESCAPED_ENTITY =
      Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  // Written with its '<' first and once: a find then rules out most places with one comparison.
  private static final Pattern BLOCK_END =
      Pattern.compile(
          "<(?:/(?:jats:)?(?:p|sec|title|div|li|h[1-6])|br\\s*/?)>", Pattern.CASE_INSENSITIVE);
  // Broken markup that only looks like a tag once decoded, as CNKI's "&lt;正&gt;~".
  private static final Pattern PSEUDO_TAG = Pattern.compile("</?[^<>\\s\\d][^<>\\s]{0,19}>~?");

  private HtmlText() {}

  /** Clean text from an HTML fragment; empty for {@code null}. */
  public static String of(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return isPlain(html) ? fold(html) : of(parse(html));
  }

  /**
   * True when {@code html} holds neither a tag nor an entity, so that its text is itself, folded:
   * most titles, and the abstracts of feeds that send plain text.
   */
  static boolean isPlain(String html) {
    return html.indexOf('<') < 0 && html.indexOf('&') < 0;
  }

  /** An HTML fragment parsed, each block followed by a space so that its text stays apart. */
  static Document parse(String html) {
    // jsoup spaces the blocks it knows; JATS blocks ("</jats:p>") and line breaks need help.
    return Jsoup.parseBodyFragment(BLOCK_END.matcher(html).replaceAll("$0 "));
  }

  /** Clean text from a parsed fragment. */
  static String of(Document fragment) {
    String text = fragment.text();
    if (isPlain(text)) {
      return fold(text);
    }
    if (ESCAPED_MARKUP.matcher(text).find() || ESCAPED_ENTITY.matcher(text).find()) {
      text = Jsoup.parseBodyFragment(text).text();
    }
    return fold(PSEUDO_TAG.matcher(text).replaceAll(" "));
  }

  /** {@code text} with invisible characters removed and whitespace runs folded to one space. */
  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean printableAscii = c > ' ' && c < '\u007F';
      if (!printableAscii && isSpace(c)) {
        space = true;
        continue;
      }
      if (!printableAscii && isInvisible(c)) {
        continue;
      }
      if (space) {
        folded.append(' '); // a leading one is stripped below
      }
      space = false;
      folded.append(c);
    }
    return folded.toString().strip();
  }

  // U+FEFF (stray BOMs in Pensoft titles), U+FFFE/U+FFFF and the bidi overrides U+202A–U+202E
  // make X's twitter-text call a text invalid; zero-width spaces, soft hyphens and controls show
  // as nothing (jsoup drops the first two from the text of HTML, and so does plain text here).
  private static boolean isInvisible(char c) {
    return c == '\uFEFF'
        || c == '\uFFFE'
        || c == '\uFFFF'
        || (c >= '\u202A' && c <= '\u202E')
        || c == '\u200B'
        || c == '\u00AD'
        || c == '\u2060'
        || Character.getType(c) == Character.CONTROL; // line breaks and tabs are spaces
  }

  private static boolean isSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\u000B'
        || c == '\f'
        || c == '\r'
        || c == '\u00A0'
        || c == '\u2007'
        || c == '\u202F';
  }
}

package org.paperboy.picture;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a picture's own alt text describes it, and alt text cut to a platform's limit. Feeds and
 * pages often fill {@code alt} with a file name ("Ent1_copy"), an id or a word that says only that
 * it is a picture; those are replaced by the feed's {@code image-alt}.
 */
public final class AltText {

  private static final Pattern FILE_NAME =
      Pattern.compile("(?i)^[\\w\\-. ]+\\.(jpe?g|png|gif|webp|tiff?|svg|bmp)$");
  // One token with a digit or an underscore is an id, not words: "Ent1_copy", "IMG_2041", "fig1".
  private static final Pattern ID = Pattern.compile("^\\S*[\\d_]\\S*$");
  private static final Set<String> SAYS_NOTHING =
      Set.of(
          "image",
          "picture",
          "photo",
          "figure",
          "graphic",
          "graphical abstract",
          "toc graphic",
          "toc image",
          "table of contents graphic",
          "abstract image",
          "thumbnail",
          "icon",
          "logo",
          "img",
          "untitled",
          "null",
          "undefined",
          "alt");

  private AltText() {}

  /** True when {@code alt} says something a reader who cannot see the picture would want. */
  public static boolean describes(String alt) {
    if (alt == null) {
      return false;
    }
    String text = alt.strip();
    return text.length() >= 3
        && !FILE_NAME.matcher(text).matches()
        && !ID.matcher(text).matches()
        && !SAYS_NOTHING.contains(text.toLowerCase(Locale.ROOT).replaceAll("[.:]$", ""));
  }

  /** {@code alt} within {@code limit} characters, cut after a whole word with "…" when longer. */
  public static String within(String alt, int limit) {
    if (alt.codePointCount(0, alt.length()) <= limit) {
      return alt;
    }
    int end = alt.offsetByCodePoints(0, limit - 1);
    int space = alt.lastIndexOf(' ', end);
    String cut = alt.substring(0, space > limit / 2 ? space : end).stripTrailing();
    return cut + "…";
  }
}

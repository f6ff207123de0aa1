package org.paperboy.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.paperboy.model.PictureRef;

/**
 * The pictures an entry's HTML shows ({@code <img>} in its description or content), in order: where
 * a paper's picture may be had. A relative {@code src} is resolved against the entry's link; an
 * {@code <img>} that says it is smaller than a picture (a tracking pixel, an icon) is left out
 * without being fetched.
 */
final class EntryPictures {

  // Fewer than this many pixels on a side is an icon or a tracker, not a paper's picture.
  static final int LEAST_SIDE = 100;
  // The first few are worth trying; a gallery's twentieth picture is not the paper's.
  private static final int MOST = 5;

  private EntryPictures() {}

  /**
   * @param texts the entry's HTML texts
   * @param base what a relative address is relative to: the entry's link, else the feed's
   */
  static List<PictureRef> in(List<String> texts, URI base) {
    Map<String, PictureRef> pictures = new LinkedHashMap<>();
    for (String text : texts) {
      if (text == null || !text.toLowerCase(Locale.ROOT).contains("<img")) {
        continue;
      }
      for (Element img : Jsoup.parseBodyFragment(text).select("img")) {
        String src = img.hasAttr("src") ? img.attr("src") : img.attr("data-src");
        URI url = absolute(src.strip(), base);
        if (url != null && !small(img) && pictures.size() < MOST) {
          String alt = img.hasAttr("alt") ? img.attr("alt").strip() : null;
          pictures.putIfAbsent(url.toString(), new PictureRef(url.toString(), alt));
        }
      }
    }
    return new ArrayList<>(pictures.values());
  }

  private static URI absolute(String src, URI base) {
    if (src.isEmpty()) {
      return null;
    }
    try {
      URI url = base == null ? URI.create(src) : base.resolve(src.replace(" ", "%20"));
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
          ? url
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** True when the tag's own width or height says it is under {@link #LEAST_SIDE} pixels. */
  private static boolean small(Element img) {
    for (String side : new String[] {"width", "height"}) {
      String value = img.attr(side).strip().replaceFirst("(?i)px$", "");
      if (value.matches("\\d{1,5}") && Integer.parseInt(value) < LEAST_SIDE) {
        return true;
      }
    }
    return false;
  }
}

package org.paperboy.compose;

import java.nio.charset.StandardCharsets;
import org.paperboy.model.Doi;
import org.paperboy.model.Paper;

/** The link a post carries for a paper. */
final class Links {

  private static final String RESOLVER = "https://doi.org/";

  private Links() {}

  /**
   * {@code https://doi.org/<doi>} when a valid DOI is known, else the entry's link, else empty. A
   * DOI stored before DOIs ended at a URL's query (as "10.1099/x?track=rss") would lead nowhere.
   */
  static String forPaper(Paper paper) {
    if (Doi.isValid(paper.doi())) {
      return RESOLVER + encodePath(paper.doi());
    }
    return paper.link() == null ? "" : paper.link();
  }

  /**
   * Percent-encodes what may not stand in a URL path (RFC 3986 §3.3); DOIs from older Wiley and
   * Elsevier titles hold {@code <>[]#} and the like.
   */
  static String encodePath(String doi) {
    StringBuilder out = new StringBuilder(doi.length());
    for (byte b : doi.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~/:;()@!$'*+,=".indexOf(c) >= 0;
      if (allowed) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}

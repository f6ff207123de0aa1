package org.paperboy.enrich;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.paperboy.model.Author;
import org.paperboy.model.PictureRef;

/**
 * Reads an article page's metadata: Highwire {@code citation_*} tags (Google Scholar's), then
 * Dublin Core ({@code dc.*}, {@code DC.*}, matched case-insensitively as ACS and Atypon write
 * them), PRISM, and OpenGraph or plain {@code description}. Thread-safe.
 */
final class ArticlePage {

  private ArticlePage() {}

  /**
   * @param url the page's address, which a relative picture address is relative to
   */
  static PageDetails read(byte[] html, URI url) {
    Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    String abstractText = first(page, "citation_abstract", "dc.description");
    if (abstractText == null) {
      abstractText = PageDescription.endedAtAWord(first(page, "og:description", "description"));
    }
    String doi = first(page, "citation_doi", "prism.doi", "dc.identifier.doi", "dc.identifier");
    String journal = first(page, "citation_journal_title", "prism.publicationname", "dc.source");
    List<Author> authors = new ArrayList<>();
    for (String name : all(page, "citation_author")) {
      authors.add(Author.named(name));
    }
    if (authors.isEmpty()) {
      for (String name : all(page, "dc.creator")) {
        authors.add(Author.named(name));
      }
    }
    return new PageDetails(abstractText, doi, authors, journal, picture(page, url));
  }

  /** The page's picture for sharing: OpenGraph's, else Twitter's card's. */
  private static PictureRef picture(Document page, URI url) {
    String[][] kinds = {
      {"og:image:secure_url", "og:image:alt"},
      {"og:image", "og:image:alt"},
      {"og:image:url", "og:image:alt"},
      {"twitter:image", "twitter:image:alt"},
      {"twitter:image:src", "twitter:image:alt"}
    };
    for (String[] kind : kinds) {
      String src = first(page, kind[0]);
      if (src == null) {
        continue;
      }
      try {
        URI absolute = url.resolve(src.replace(" ", "%20"));
        String scheme = String.valueOf(absolute.getScheme()).toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && absolute.getHost() != null) {
          return new PictureRef(absolute.toString(), first(page, kind[1]));
        }
      } catch (IllegalArgumentException e) {
        // not an address: the next kind may be
      }
    }
    return null;
  }

  private static String first(Document page, String... names) {
    for (String name : names) {
      List<String> values = all(page, name);
      if (!values.isEmpty()) {
        return values.get(0);
      }
    }
    return null;
  }

  /** The non-empty contents of {@code <meta name=…>} or {@code <meta property=…>}, in order. */
  private static List<String> all(Document page, String name) {
    List<String> values = new ArrayList<>();
    for (Element meta : page.select("meta[content]")) {
      String key = meta.hasAttr("name") ? meta.attr("name") : meta.attr("property");
      if (key.toLowerCase(Locale.ROOT).equals(name)) {
        String content = meta.attr("content").strip();
        if (!content.isEmpty()) {
          values.add(content);
        }
      }
    }
    return values;
  }
}

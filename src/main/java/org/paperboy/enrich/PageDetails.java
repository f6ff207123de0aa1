package org.paperboy.enrich;

import java.util.List;
import org.paperboy.model.Author;
import org.paperboy.model.PictureRef;

/**
 * What an article page says about its paper; any part may be missing.
 *
 * @param abstractText the abstract, or {@code null}
 * @param doi the DOI as written, or {@code null}
 * @param authors the authors, possibly none
 * @param journal the journal's title, or {@code null}
 * @param picture the page's picture ({@code og:image}, {@code twitter:image}), or {@code null}
 */
public record PageDetails(
    String abstractText, String doi, List<Author> authors, String journal, PictureRef picture) {

  public PageDetails {
    authors = List.copyOf(authors);
  }

  static final PageDetails NONE = new PageDetails(null, null, List.of(), null, null);
}

package org.paperboy.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a feed, as the parser understood it.
 *
 * @param feedId the feed it came from
 * @param guid the entry's stable identity within its feed (guid, Atom id, else its link)
 * @param title the title as published, markup included
 * @param link the entry's canonical link, or {@code null} when it has none
 * @param doi the normalised DOI (lower case, no prefix), or {@code null} when none is known
 * @param authors the authors in order
 * @param journal the journal's name, or {@code null}
 * @param published when the entry was published or updated, or {@code null}
 * @param categories category or subject labels
 * @param articleType the article type the publisher gives ("Research Article", "Correction"), or
 *     {@code null}
 * @param abstractHtml the abstract as HTML (possibly empty, never null)
 * @param pictures where its picture may be had, best first: its entry's {@code <img>}s, then its
 *     article page's; possibly none
 */
public record Paper(
    String feedId,
    String guid,
    String title,
    String link,
    String doi,
    List<Author> authors,
    String journal,
    Instant published,
    List<String> categories,
    String articleType,
    String abstractHtml,
    List<PictureRef> pictures) {

  public Paper {
    Objects.requireNonNull(feedId, "feedId");
    Objects.requireNonNull(guid, "guid");
    Objects.requireNonNull(title, "title");
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    abstractHtml = abstractHtml == null ? "" : abstractHtml;
    pictures = List.copyOf(pictures);
    if (guid.isBlank()) {
      throw new IllegalArgumentException("guid is blank for an entry of feed " + feedId);
    }
  }

  /** What makes another entry the same paper: the DOI when known, else the link, else the guid. */
  public PaperIdentity identity() {
    return PaperIdentity.of(this);
  }

  /** This paper with what an article page added: a DOI, authors, journal or abstract. */
  public Paper withDetails(String doi, List<Author> authors, String journal, String abstractHtml) {
    return copy(doi, authors, journal, abstractHtml, pictures);
  }

  /** This paper with {@code picture} as the last place its picture may be had. */
  public Paper withPicture(PictureRef picture) {
    List<PictureRef> more = new ArrayList<>(pictures);
    more.add(picture);
    return copy(doi, authors, journal, abstractHtml, more);
  }

  private Paper copy(
      String doi,
      List<Author> authors,
      String journal,
      String abstractHtml,
      List<PictureRef> pictures) {
    return new Paper(
        feedId,
        guid,
        title,
        link,
        doi,
        authors,
        journal,
        published,
        categories,
        articleType,
        abstractHtml,
        pictures);
  }
}

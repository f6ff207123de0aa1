package org.paperboy.enrich;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.paperboy.model.Doi;
import org.paperboy.model.Paper;
import org.paperboy.model.PictureRef;

/**
 * Completes a paper from its article page when the feed left out its abstract, DOI, authors or
 * picture. Pages are cached (the source spaces requests to one host), and a failure leaves the
 * paper as it was. Thread-safe.
 */
public final class Enricher {

  private final PageSource pages;
  private final int cacheSize;
  private final Map<String, PageDetails> cache;

  /**
   * @param cacheSize how many pages' details to keep
   */
  public Enricher(PageSource pages, int cacheSize) {
    this.pages = pages;
    this.cacheSize = cacheSize;
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PageDetails> eldest) {
            return size() > Enricher.this.cacheSize;
          }
        };
  }

  /**
   * {@code paper} with what its page adds; the paper itself when it lacks nothing.
   *
   * @param wantsPicture whether a paper whose entry shows no picture lacks one: the page's is added
   *     then, and whenever the page is read for something else
   */
  public Paper enrich(Paper paper, boolean wantsPicture) {
    boolean lacks =
        paper.abstractHtml().isBlank()
            || paper.doi() == null
            || paper.authors().isEmpty()
            || (wantsPicture && paper.pictures().isEmpty());
    if (!lacks || paper.link() == null || !paper.link().startsWith("http")) {
      return paper;
    }
    PageDetails details = details(paper.link());
    String doi = paper.doi();
    if (doi == null) {
      doi = Doi.find(details.doi()).orElse(null);
    }
    Paper enriched =
        paper.withDetails(
            doi,
            paper.authors().isEmpty() ? details.authors() : paper.authors(),
            paper.journal() == null ? details.journal() : paper.journal(),
            paper.abstractHtml().isBlank() && details.abstractText() != null
                ? details.abstractText()
                : paper.abstractHtml());
    return wantsPicture && details.picture() != null
        ? enriched.withPicture(details.picture())
        : enriched;
  }

  /**
   * The picture {@code paper}'s article page offers ({@code og:image} or {@code twitter:image}),
   * from the page read once for all the paper's uses; empty when it offers none.
   */
  public Optional<PictureRef> pagePicture(Paper paper) {
    if (paper.link() == null || !paper.link().startsWith("http")) {
      return Optional.empty();
    }
    return Optional.ofNullable(details(paper.link()).picture());
  }

  private PageDetails details(String link) {
    synchronized (cache) {
      PageDetails cached = cache.get(link);
      if (cached != null) {
        return cached;
      }
    }
    URI url;
    try {
      url = URI.create(link);
    } catch (IllegalArgumentException e) {
      return PageDetails.NONE;
    }
    PageDetails details =
        pages.fetch(url).map(html -> ArticlePage.read(html, url)).orElse(PageDetails.NONE);
    synchronized (cache) {
      cache.put(link, details);
    }
    return details;
  }
}

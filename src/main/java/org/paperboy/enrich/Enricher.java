package org.paperboy.enrich;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.paperboy.model.Doi;
import org.paperboy.model.Paper;

/**
 * Completes a paper from its article page when the feed left out its abstract, DOI or authors.
 * Requests to one host are spaced by a delay (many journals share a platform), pages are cached,
 * and a failure leaves the paper as it was. Thread-safe.
 */
public final class Enricher {

  private final PageSource pages;
  private final Clock clock;
  private final Duration perHostDelay;
  private final int cacheSize;
  private final Map<String, Instant> lastRequest = new HashMap<>();
  private final Map<String, PageDetails> cache;

  /**
   * @param perHostDelay the least time between two requests to one host
   * @param cacheSize how many pages' details to keep
   */
  public Enricher(PageSource pages, Clock clock, Duration perHostDelay, int cacheSize) {
    this.pages = pages;
    this.clock = clock;
    this.perHostDelay = perHostDelay;
    this.cacheSize = cacheSize;
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PageDetails> eldest) {
            return size() > Enricher.this.cacheSize;
          }
        };
  }

  /** {@code paper} with what its page adds; the paper itself when it lacks nothing. */
  public Paper enrich(Paper paper) {
    boolean lacks =
        paper.abstractHtml().isBlank() || paper.doi() == null || paper.authors().isEmpty();
    if (!lacks || paper.link() == null || !paper.link().startsWith("http")) {
      return paper;
    }
    PageDetails details = details(paper.link());
    String doi = paper.doi();
    if (doi == null) {
      doi = Doi.find(details.doi()).orElse(null);
    }
    return paper.withDetails(
        doi,
        paper.authors().isEmpty() ? details.authors() : paper.authors(),
        paper.journal() == null ? details.journal() : paper.journal(),
        paper.abstractHtml().isBlank() && details.abstractText() != null
            ? details.abstractText()
            : paper.abstractHtml());
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
    waitForHost(url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT));
    PageDetails details = pages.fetch(url).map(ArticlePage::read).orElse(PageDetails.NONE);
    synchronized (cache) {
      cache.put(link, details);
    }
    return details;
  }

  private void waitForHost(String host) {
    Duration wait;
    synchronized (lastRequest) {
      Instant now = clock.instant();
      Instant allowed =
          Optional.ofNullable(lastRequest.get(host)).map(t -> t.plus(perHostDelay)).orElse(now);
      Instant at = allowed.isAfter(now) ? allowed : now;
      lastRequest.put(host, at);
      wait = Duration.between(now, at);
    }
    if (!wait.isZero()) {
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

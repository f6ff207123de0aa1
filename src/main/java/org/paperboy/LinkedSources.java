package org.paperboy;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.paperboy.config.FetchConfig;
import org.paperboy.enrich.PageSource;
import org.paperboy.fetch.FeedFetcher;
import org.paperboy.fetch.FetchLimits;
import org.paperboy.fetch.FetchResult;
import org.paperboy.fetch.HostSpacing;
import org.paperboy.fetch.SilentHosts;
import org.paperboy.fetch.Validators;
import org.paperboy.picture.PictureSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a feed's entries link to: article pages (for enrichment) and papers' pictures, fetched as
 * politely as feeds. Pages and pictures often share a host (the publisher's), so they share one
 * spacing per host, and a host that gave no answer is passed over a while for both, not once per
 * paper. Thread-safe.
 */
final class LinkedSources {

  private static final Logger log = LoggerFactory.getLogger(LinkedSources.class);
  private static final long MOST_PICTURE_BYTES = 20L * 1024 * 1024;
  private static final Duration SILENT_HOST_PASSED_OVER = Duration.ofMinutes(10);

  private final FetchConfig fetch;
  private final String userAgent;
  private final HostSpacing spacing;
  private final SilentHosts silent;

  LinkedSources(FetchConfig fetch, Clock clock, String userAgent) {
    this.fetch = fetch;
    this.userAgent = userAgent;
    this.spacing = new HostSpacing(clock, fetch.perHostDelay());
    this.silent = new SilentHosts(clock, SILENT_HOST_PASSED_OVER);
  }

  /** Article pages: smaller and quicker than feeds, failures logged and dropped. */
  PageSource articlePages() {
    FeedFetcher pages =
        new FeedFetcher(
            new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(15), 3L * 1024 * 1024),
            userAgent);
    return url -> {
      Optional<String> passedOver = awaitTurn(url);
      if (passedOver.isEmpty()) {
        FetchResult result = pages.fetch(url, Validators.NONE);
        silent.heard(result);
        if (result instanceof FetchResult.Fetched fetched) {
          return Optional.of(fetched.body());
        }
        passedOver =
            Optional.of(
                result instanceof FetchResult.Failed failed ? failed.reason() : "not modified");
      }
      log.info("article page {} not read: {}", url, passedOver.get());
      return Optional.empty();
    };
  }

  /**
   * Papers' pictures: with the feeds' timeouts, up to {@value #MOST_PICTURE_BYTES} bytes (a larger
   * one is scaled down for each platform later).
   */
  PictureSource pictures() {
    FeedFetcher fetcher =
        new FeedFetcher(
            new FetchLimits(fetch.connectTimeout(), fetch.readTimeout(), MOST_PICTURE_BYTES),
            userAgent);
    return url -> {
      Optional<String> passedOver = awaitTurn(url);
      if (passedOver.isPresent()) {
        throw new IOException(passedOver.get());
      }
      FetchResult result = fetcher.fetch(url, Validators.NONE);
      silent.heard(result);
      if (result instanceof FetchResult.Fetched fetched) {
        return fetched.body();
      }
      throw new IOException(
          result instanceof FetchResult.Failed failed ? failed.reason() : result.toString());
    };
  }

  /**
   * Waits for {@code url}'s turn at its host, unless the host gave no answer lately: then, or when
   * it went silent while this waited, why it is passed over.
   */
  private Optional<String> awaitTurn(URI url) {
    Optional<String> passedOver = silent.passedOver(url);
    if (passedOver.isPresent()) {
      return passedOver;
    }
    spacing.await(url);
    return silent.passedOver(url);
  }
}

package org.paperboy.pipeline;

import java.net.URI;
import java.time.Duration;
import org.paperboy.config.FeedConfig;
import org.paperboy.fetch.FeedFetcher;
import org.paperboy.fetch.FetchResult;
import org.paperboy.fetch.Validators;
import org.paperboy.parse.FeedParseException;
import org.paperboy.parse.FeedParser;
import org.paperboy.parse.ParsedFeed;

/** Fetches a feed and parses it: the step that polling and previewing share. Thread-safe. */
final class FeedSource {

  /** What reading a feed gave. */
  sealed interface Outcome {}

  /**
   * The feed could not be had or read.
   *
   * @param reason one line naming the feed's URL and what went wrong
   * @param retryAfter how long the server asked us to wait, or {@code null}
   */
  record Failed(String reason, Duration retryAfter) implements Outcome {}

  /**
   * The server says nothing changed since the validators sent.
   *
   * @param freshFor how long the server says its answer stays fresh, or {@code null}
   */
  record Unchanged(Duration freshFor) implements Outcome {}

  /**
   * The feed's entries.
   *
   * @param url the address finally fetched, after redirects
   * @param feed what the parser read
   * @param validators what to send next time
   * @param freshFor how long the server says its answer stays fresh, or {@code null}
   */
  record Parsed(URI url, ParsedFeed feed, Validators validators, Duration freshFor)
      implements Outcome {}

  private final FeedFetcher fetcher;
  private final FeedParser parser;

  FeedSource(FeedFetcher fetcher, FeedParser parser) {
    this.fetcher = fetcher;
    this.parser = parser;
  }

  /** Reads {@code feed}, sending {@code validators} so that an unchanged feed costs a 304. */
  Outcome read(FeedConfig feed, Validators validators) {
    FetchResult result = fetcher.fetch(feed.url(), validators);
    if (result instanceof FetchResult.Failed failed) {
      return new Failed(failed.reason(), failed.retryAfter());
    }
    if (result instanceof FetchResult.NotModified) {
      return new Unchanged(result.freshFor());
    }
    FetchResult.Fetched fetched = (FetchResult.Fetched) result;
    try {
      ParsedFeed parsed =
          parser.parse(feed.id(), fetched.body(), fetched.contentType(), fetched.url());
      return new Parsed(fetched.url(), parsed, fetched.validators(), fetched.freshFor());
    } catch (FeedParseException e) {
      return new Failed(e.getMessage(), null);
    }
  }
}

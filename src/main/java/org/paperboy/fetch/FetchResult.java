package org.paperboy.fetch;

import java.net.URI;
import java.util.Objects;

/** The outcome of fetching a feed. */
public sealed interface FetchResult {

  /** The server answered 304: nothing changed since the validators we sent. */
  record NotModified(URI url) implements FetchResult {}

  /**
   * The feed's bytes.
   *
   * @param url the address finally fetched, after redirects
   * @param body the body, decompressed, never more than the size cap
   * @param contentType the {@code Content-Type} header, or {@code null}
   * @param validators what to send next time
   */
  record Fetched(URI url, byte[] body, String contentType, Validators validators)
      implements FetchResult {
    public Fetched {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(validators, "validators");
    }
  }

  /**
   * Nothing usable came back.
   *
   * @param url the address asked for
   * @param reason one line saying what went wrong, naming the URL's status or error
   */
  record Failed(URI url, String reason) implements FetchResult {
    public Failed {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(reason, "reason");
    }
  }
}

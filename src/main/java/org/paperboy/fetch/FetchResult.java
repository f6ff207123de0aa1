package org.paperboy.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** The outcome of fetching a feed. */
public sealed interface FetchResult {

  /**
   * How long the server says its answer stays fresh ({@code Cache-Control: max-age}), or {@code
   * null}; a polite client does not ask again sooner (RFC 9111 §5.2.2.1).
   */
  Duration freshFor();

  /** The server answered 304: nothing changed since the validators we sent. */
  record NotModified(URI url, Duration freshFor) implements FetchResult {}

  /**
   * The feed's bytes.
   *
   * @param url the address finally fetched, after redirects
   * @param body the body, decompressed, never more than the size cap
   * @param contentType the {@code Content-Type} header, or {@code null}
   * @param validators what to send next time
   * @param freshFor the server's max-age, or {@code null}
   */
  record Fetched(URI url, byte[] body, String contentType, Validators validators, Duration freshFor)
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
   * @param retryAfter how long the server asked us to wait ({@code Retry-After}), or {@code null}
   * @param unanswered true when the host gave no answer at all (it timed out, or refused the
   *     connection), so that its next requests would likely fare the same
   */
  record Failed(URI url, String reason, Duration retryAfter, boolean unanswered)
      implements FetchResult {
    public Failed {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(reason, "reason");
    }

    public Failed(URI url, String reason) {
      this(url, reason, null, false);
    }

    @Override
    public Duration freshFor() {
      return null;
    }
  }
}

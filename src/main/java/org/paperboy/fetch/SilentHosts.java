package org.paperboy.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hosts that gave no answer lately (a timeout, a refused connection): the next papers' pictures and
 * pages on such a host are passed over at once for a while, instead of each waiting out the host's
 * spacing and a timeout of its own, which would hold a whole poll back. Thread-safe.
 */
public final class SilentHosts {

  private final Clock clock;
  private final Duration quiet;
  private final Map<String, Silence> silent = new HashMap<>();

  private record Silence(Instant until, String reason) {}

  /**
   * @param quiet how long a host that gave no answer is passed over
   */
  public SilentHosts(Clock clock, Duration quiet) {
    this.clock = clock;
    this.quiet = quiet;
  }

  /** Why {@code url} is not asked for now, its host having given no answer lately; else empty. */
  public Optional<String> passedOver(URI url) {
    synchronized (silent) {
      Silence silence = silent.get(host(url));
      if (silence == null) {
        return Optional.empty();
      }
      if (!clock.instant().isBefore(silence.until())) {
        silent.remove(host(url));
        return Optional.empty();
      }
      return Optional.of(
          "not asked: its host gave no answer lately ("
              + silence.reason()
              + "), and is passed over until "
              + silence.until());
    }
  }

  /** Notes what came back from {@code url}: a host that gave no answer is passed over a while. */
  public void heard(FetchResult result) {
    if (result instanceof FetchResult.Failed failed && failed.unanswered()) {
      synchronized (silent) {
        silent.put(host(failed.url()), new Silence(clock.instant().plus(quiet), failed.reason()));
      }
    }
  }

  /** The server {@code url} names: its host and port (tests run several on one loopback host). */
  private static String host(URI url) {
    int port = url.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
    return (url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
  }
}

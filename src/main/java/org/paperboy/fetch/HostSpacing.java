package org.paperboy.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Spaces requests to one host: many journals share a publishing platform, and a paper's page and
 * its picture are often on the same host as the next paper's. Thread-safe.
 */
public final class HostSpacing {

  private final Clock clock;
  private final Duration delay;
  private final Map<String, Instant> next = new HashMap<>();

  /**
   * @param delay the least time between the starts of two requests to one host
   */
  public HostSpacing(Clock clock, Duration delay) {
    this.clock = clock;
    this.delay = delay;
  }

  /** Waits until a request to {@code url}'s host may start, and counts it as started. */
  public void await(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    Duration wait;
    synchronized (next) {
      Instant now = clock.instant();
      Instant at = next.getOrDefault(host, now);
      if (at.isBefore(now)) {
        at = now;
      }
      next.put(host, at.plus(delay));
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

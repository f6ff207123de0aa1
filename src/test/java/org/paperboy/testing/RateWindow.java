package org.paperboy.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of a PDS's rate limits: a fixed window of {@code points} that starts with its first use, as
 * packages/xrpc-server's rate limiter counts, and the {@code RateLimit-*} headers it reports
 * (rate-limiter-http.ts: the reset in epoch seconds, the policy as {@code points;w=seconds}). Not
 * thread-safe: its owner holds a lock.
 */
final class RateWindow {

  private final int points;
  private final Duration length;
  private Instant start;
  private int used;

  RateWindow(int points, Duration length) {
    this.points = points;
    this.length = length;
  }

  /** Spends {@code cost} points; false when the window had too few left. */
  boolean consume(Instant now, int cost) {
    if (start == null || !now.isBefore(start.plus(length))) {
      start = now;
      used = 0;
    }
    used += cost;
    return used <= points;
  }

  int remaining() {
    return Math.max(0, points - used);
  }

  /** The headers of an answer; a refused one also says when to retry. */
  Map<String, String> headers(Instant now, boolean refused) {
    return headers(points, remaining(), start.plus(length), length, now, refused);
  }

  /** The headers of a limit of {@code points} per {@code length} that resets at {@code reset}. */
  static Map<String, String> headers(
      int points, int remaining, Instant reset, Duration length, Instant now, boolean refused) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("RateLimit-Limit", Integer.toString(points));
    headers.put("RateLimit-Remaining", Integer.toString(remaining));
    headers.put("RateLimit-Reset", Long.toString(reset.getEpochSecond()));
    headers.put("RateLimit-Policy", points + ";w=" + length.toSeconds());
    if (refused) {
      long wait = Math.max(0, Duration.between(now, reset).toMillis());
      headers.put("Retry-After", Long.toString((wait + 999) / 1000));
    }
    return headers;
  }
}

package org.paperboy.testing;

import java.time.Duration;
import java.util.Map;

/**
 * A canned answer for a fake platform's next write ({@link FakeMastodon}'s statuses, {@link
 * FakeBluesky}'s records), as {@link FakeXApi.Answer} is for X. Queue them with {@code thenAnswer};
 * each write takes the next one, and writes find the fake as usual when none is left.
 */
public final class ScriptedAnswer {

  enum Kind {
    USUAL,
    CANNED,
    SLOW,
    DROPPED
  }

  /** Lets one write through as usual, ahead of the next canned answer. */
  public static final ScriptedAnswer AS_USUAL =
      new ScriptedAnswer(Kind.USUAL, 0, "", Map.of(), Duration.ZERO);

  /**
   * Creates nothing and closes the connection without answering: the request went out and no answer
   * came, though nothing exists.
   */
  public static final ScriptedAnswer DROPPED =
      new ScriptedAnswer(Kind.DROPPED, 0, "", Map.of(), Duration.ZERO);

  final Kind kind;
  final int status;
  final String body;
  final Map<String, String> headers;
  final Duration delay;

  private ScriptedAnswer(
      Kind kind, int status, String body, Map<String, String> headers, Duration delay) {
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.headers = Map.copyOf(headers);
    this.delay = delay;
  }

  /** Answers {@code status} with the JSON {@code body} and creates nothing. */
  public static ScriptedAnswer of(int status, String body) {
    return of(status, body, Map.of());
  }

  /** Answers {@code status} with the JSON {@code body} and {@code headers}; creates nothing. */
  public static ScriptedAnswer of(int status, String body, Map<String, String> headers) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status is not an HTTP status: " + status);
    }
    return new ScriptedAnswer(Kind.CANNED, status, body, headers, Duration.ZERO);
  }

  /**
   * Creates as usual but answers only after {@code delay}: a client that gives up sooner never
   * learns that its write exists.
   */
  public static ScriptedAnswer slow(Duration delay) {
    return new ScriptedAnswer(Kind.SLOW, 0, "", Map.of(), delay);
  }
}

package org.paperboy.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The ways a real platform misbehaves towards writes, on demand, for the platform fakes: canned
 * answers, every n-th write failing, writes that happen but whose answer never comes, and
 * rate-limit windows that end when the fake's clock says. The fake asks {@link #next()} before it
 * checks a write and tells {@link #created()} after it keeps one. Thread-safe.
 */
final class Misbehaviour {

  enum Kind {
    /** Check and create as usual (after {@link Turn#delay()} when scripted slow). */
    USUAL,
    /** Answer the scripted answer; create nothing. */
    CANNED,
    /** Close the connection without answering; create nothing. */
    DROP,
    /** Answer {@link #failStatus()}; create nothing. */
    FAIL,
    /** Answer 429 until {@link #limitedUntil()}; create nothing. */
    LIMITED
  }

  record Turn(Kind kind, ScriptedAnswer canned, Duration delay) {}

  private final Clock clock;
  private final Deque<ScriptedAnswer> scripted = new ArrayDeque<>();
  private int calls;
  private int created;
  private int dropped;
  private int dropEvery;
  private int failEvery;
  private int failStatus;
  private int limitEvery;
  private Duration limitFor = Duration.ZERO;
  private Instant limitedUntil = Instant.MIN;

  Misbehaviour(Clock clock) {
    this.clock = clock;
  }

  synchronized void script(ScriptedAnswer answer) {
    scripted.add(answer);
  }

  synchronized void dropAnswerEvery(int n) {
    dropEvery = positive("n", n);
  }

  synchronized void failEvery(int n, int status) {
    failEvery = positive("n", n);
    failStatus = status;
  }

  synchronized void stopFailing() {
    failEvery = 0;
  }

  synchronized void rateLimitEvery(int writes, Duration reset) {
    limitEvery = positive("writes", writes);
    limitFor = reset;
  }

  /** What becomes of the next write, decided before the fake checks it. */
  synchronized Turn next() {
    calls++;
    ScriptedAnswer answer = scripted.poll();
    Duration delay = Duration.ZERO;
    if (answer != null) {
      switch (answer.kind) {
        case DROPPED:
          return new Turn(Kind.DROP, answer, delay);
        case CANNED:
          return new Turn(Kind.CANNED, answer, delay);
        case SLOW:
          delay = answer.delay;
          break;
        case USUAL:
          break;
      }
    }
    if (failEvery > 0 && calls % failEvery == 0) {
      return new Turn(Kind.FAIL, null, delay);
    }
    if (clock.instant().isBefore(limitedUntil)) {
      return new Turn(Kind.LIMITED, null, delay);
    }
    return new Turn(Kind.USUAL, null, delay);
  }

  /**
   * Counts a write the fake kept, and says whether its answer is to be dropped. Every {@code
   * writes}-th one opens a rate-limit window; it ends on a whole second, as the epoch-second reset
   * headers say, so a client that waits until the reset is let through.
   */
  synchronized boolean created() {
    created++;
    if (limitEvery > 0 && created % limitEvery == 0) {
      limitedUntil = clock.instant().plus(limitFor).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    }
    boolean drop = dropEvery > 0 && created % dropEvery == 0;
    if (drop) {
      dropped++;
    }
    return drop;
  }

  synchronized int failStatus() {
    return failStatus;
  }

  synchronized Instant limitedUntil() {
    return limitedUntil;
  }

  synchronized int dropped() {
    return dropped;
  }

  private static int positive(String name, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException(name + " <= 0: " + n);
    }
    return n;
  }
}

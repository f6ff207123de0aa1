package org.paperboy.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.paperboy.model.Tid;

/**
 * Chooses each queued post's own key: a TID of the moment it is queued, never the same twice in
 * this process (two apart, as a thread's reply takes the next), with a clock id of its own so that
 * another node's keys of the same microsecond differ. Thread-safe.
 */
public final class PostKeys {

  private final Clock clock;
  private final int clockId = ThreadLocalRandom.current().nextInt(1024);
  private long last;

  public PostKeys(Clock clock) {
    this.clock = clock;
  }

  /** A key for a post queued now. */
  synchronized Tid next() {
    long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    last = Math.max(last + 2, now);
    return new Tid(last, clockId);
  }
}

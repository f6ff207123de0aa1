package org.paperboy.queue;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of {@code initial ×
 * 2^(n-1)} (capped at {@code max}), chosen at random so that retries of many posts spread out.
 * Thread-safe if its random source is.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final int maxAttempts;
  private final DoubleSupplier random;

  /**
   * @param random values in [0, 1), such as {@code ThreadLocalRandom.current()::nextDouble}
   */
  public Backoff(Duration initial, Duration max, int maxAttempts, DoubleSupplier random) {
    this.initial = Objects.requireNonNull(initial, "initial");
    this.max = Objects.requireNonNull(max, "max");
    this.random = Objects.requireNonNull(random, "random");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial-delay must be positive: " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max-delay < initial-delay: " + max + " < " + initial);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max-attempts < 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
  }

  /** True when a post that failed {@code attempts} times may be tried again. */
  public boolean mayRetry(int attempts) {
    return attempts < maxAttempts;
  }

  /** How long to wait after the {@code attempt}-th failure (1 for the first). */
  public Duration delay(int attempt) {
    Duration ceiling = initial;
    for (int i = 1; i < attempt && ceiling.compareTo(max) < 0; i++) {
      ceiling = ceiling.multipliedBy(2);
    }
    if (ceiling.compareTo(max) > 0) {
      ceiling = max;
    }
    long millis = ceiling.toMillis();
    return Duration.ofMillis(millis / 2 + (long) (random.getAsDouble() * (millis - millis / 2)));
  }
}

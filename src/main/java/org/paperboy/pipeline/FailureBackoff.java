package org.paperboy.pipeline;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a failing feed waits before its next poll: a minute after its first failure, doubling
 * with each failure in a row, at most six hours. A feed is never dropped; after {@link #FLAG_AFTER}
 * failures in a row it is flagged for a maintainer.
 */
final class FailureBackoff {

  static final int FLAG_AFTER = 5;
  private static final Duration FIRST = Duration.ofMinutes(1);
  private static final Duration LONGEST = Duration.ofHours(6);

  private FailureBackoff() {}

  /** The wait after the {@code failuresInARow}-th failure in a row. */
  static Duration after(int failuresInARow) {
    Duration wait = FIRST;
    for (int i = 1; i < failuresInARow && wait.compareTo(LONGEST) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }

  static String describe(Duration wait) {
    return wait.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}

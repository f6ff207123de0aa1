package org.paperboy.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.paperboy.model.QuietHours;

/**
 * How fast an account may post: at least {@code minSpacing} apart, at most {@code maxPerDay} in any
 * rolling 24 hours, and never in its quiet hours. Immutable.
 *
 * @param quietHours the daily window without posts, or {@code null} for none
 */
public record Pacing(Duration minSpacing, int maxPerDay, QuietHours quietHours) {

  static final Duration DAY = Duration.ofHours(24);

  public Pacing {
    Objects.requireNonNull(minSpacing, "minSpacing");
    if (minSpacing.isNegative()) {
      throw new IllegalArgumentException("min-spacing < 0: " + minSpacing);
    }
    if (maxPerDay < 1) {
      throw new IllegalArgumentException("max-per-day < 1: " + maxPerDay);
    }
  }

  /** Pacing without quiet hours. */
  public Pacing(Duration minSpacing, int maxPerDay) {
    this(minSpacing, maxPerDay, null);
  }

  /** The start of the window {@link #nextAllowed} needs the account's post times from. */
  public static Instant windowStart(Instant now) {
    return now.minus(DAY);
  }

  /**
   * The earliest time the next post may go out.
   *
   * @param recent the account's post times since {@link #windowStart}, oldest first
   * @param now the current time
   * @return {@code now} or later
   */
  public Instant nextAllowed(List<Instant> recent, Instant now) {
    Instant next = now;
    if (!recent.isEmpty()) {
      Instant spaced = recent.get(recent.size() - 1).plus(minSpacing);
      next = later(next, spaced);
    }
    if (recent.size() >= maxPerDay) {
      // The post that must leave the window before another may go.
      Instant leaving = recent.get(recent.size() - maxPerDay);
      next = later(next, leaving.plus(DAY));
    }
    return quietHours == null ? next : quietHours.nextOpen(next);
  }

  /**
   * When each of the next {@code count} posts may go out if each leaves at its earliest: the
   * expected turns of an account's queued posts.
   *
   * @param recent the account's post times since {@link #windowStart}, oldest first
   * @param from the earliest any may go (now, or the end of the account's pause)
   * @return {@code count} times, each at or after the one before
   */
  public List<Instant> turns(List<Instant> recent, int count, Instant from) {
    List<Instant> times = new ArrayList<>(recent);
    List<Instant> turns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant next = nextAllowed(times, from);
      turns.add(next);
      times.add(next);
    }
    return turns;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}

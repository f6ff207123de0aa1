package org.paperboy.operate;

import java.time.Duration;
import java.time.Instant;

/** Times as maintainers read them, the same on the command line and on the dashboard. */
public final class Ago {

  private Ago() {}

  /** "3h ago", "in 20m", or "never". */
  public static String relative(Instant when, Instant now) {
    if (when == null) {
      return "never";
    }
    Duration between = Duration.between(when, now);
    return between.isNegative() ? "in " + span(between.negated()) : span(between) + " ago";
  }

  /** A duration in its largest whole unit that keeps two digits: "90s", "45m", "36h", "40d". */
  public static String span(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 120) {
      return seconds + "s";
    }
    if (seconds < 7200) {
      return seconds / 60 + "m";
    }
    if (seconds < 172_800) {
      return seconds / 3600 + "h";
    }
    return seconds / 86_400 + "d";
  }
}

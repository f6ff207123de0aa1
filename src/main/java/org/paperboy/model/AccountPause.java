package org.paperboy.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An account that may not post until {@code until}.
 *
 * @param kind why
 * @param reason the platform's own words, for the log and the maintainer
 */
public record AccountPause(Instant until, Kind kind, String reason) {

  /** Why an account pauses as a whole. */
  public enum Kind {
    /** The platform's rate limit: posting resumes at its reset. Not a problem. */
    RATE_LIMITED,
    /** The credentials were refused: a maintainer must act. */
    UNAUTHORIZED;

    /** The kind as stored: {@code rate-limited}, {@code unauthorized}. */
    public String stored() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind stored as {@link #stored()}. */
    public static Kind ofStored(String stored) {
      return valueOf(stored.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  public AccountPause {
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}

package org.paperboy.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An account that may not post until {@code until}.
 *
 * @param kind why: {@code rate-limited} or {@code unauthorized}
 * @param reason the platform's own words, for the log and the maintainer
 */
public record AccountPause(Instant until, String kind, String reason) {

  public static final String RATE_LIMITED = "rate-limited";
  public static final String UNAUTHORIZED = "unauthorized";

  public AccountPause {
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}

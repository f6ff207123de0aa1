package org.paperboy.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.paperboy.model.DashboardSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses logins for a while after a few wrong passwords in a row, for one user or from one
 * address, on every node: the counts are in the database. One log line when a lockout begins.
 * Thread-safe.
 */
final class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  // A user name as config allows one: anything else is typed by someone guessing, and is not
  // logged.
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

  private final DashboardSessions store;
  private final int maxFailures;
  private final Duration lockout;
  private final Clock clock;

  LoginThrottle(DashboardSessions store, int maxFailures, Duration lockout, Clock clock) {
    this.store = store;
    this.maxFailures = maxFailures;
    this.lockout = lockout;
    this.clock = clock;
  }

  /** Until when logins as {@code username} or from {@code address} are refused, if they are. */
  Optional<Instant> refusedUntil(String username, String address) {
    Instant now = clock.instant();
    Instant since = now.minus(lockout);
    Instant until = null;
    for (String subject : new String[] {user(username), address(address)}) {
      Optional<DashboardSessions.FailedLogins> failed = store.failedLogins(subject, since);
      if (failed.isPresent() && failed.get().count() >= maxFailures) {
        Instant end = failed.get().last().plus(lockout);
        if (until == null || end.isAfter(until)) {
          until = end;
        }
      }
    }
    return Optional.ofNullable(until);
  }

  /** Counts a wrong password for the user and the address. */
  void failed(String username, String address) {
    Instant now = clock.instant();
    Instant since = now.minus(lockout);
    if (store.failedLogin(user(username), now, since) == maxFailures) {
      log.warn(
          "dashboard: {} wrong passwords in a row for user {}; its logins are refused for {}",
          maxFailures,
          NAME.matcher(lower(username)).matches() ? lower(username) : "(a name no user has)",
          lockout);
    }
    if (store.failedLogin(address(address), now, since) == maxFailures) {
      log.warn(
          "dashboard: {} wrong passwords in a row from {}; its logins are refused for {}",
          maxFailures,
          address,
          lockout);
    }
  }

  /** A good password ends the rows of the user and the address. */
  void succeeded(String username, String address) {
    store.loggedIn(user(username));
    store.loggedIn(address(address));
  }

  /** How long {@code until} is from now, as a {@code Retry-After} header says it. */
  long secondsUntil(Instant until) {
    return Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 1);
  }

  private static String user(String username) {
    return "user:" + lower(username);
  }

  private static String address(String address) {
    return "address:" + address;
  }

  private static String lower(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }
}

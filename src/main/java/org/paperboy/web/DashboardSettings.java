package org.paperboy.web;

import java.time.Duration;
import java.util.Objects;

/**
 * How the dashboard is served and how it guards its logins.
 *
 * @param host the address to listen on
 * @param port the port, or 0 for any free one
 * @param idleTimeout how long a session lasts without a request
 * @param maxFailedLogins wrong passwords in a row, for one user or one address, before its logins
 *     are refused
 * @param lockout how long they are refused then
 * @param behindProxy whether a reverse proxy forwards to it, whose {@code X-Forwarded-For}, {@code
 *     -Proto} and {@code -Host} are then believed
 */
public record DashboardSettings(
    String host,
    int port,
    Duration idleTimeout,
    int maxFailedLogins,
    Duration lockout,
    boolean behindProxy) {

  public DashboardSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(lockout, "lockout");
    if (maxFailedLogins < 1) {
      throw new IllegalArgumentException("maxFailedLogins < 1: " + maxFailedLogins);
    }
  }
}

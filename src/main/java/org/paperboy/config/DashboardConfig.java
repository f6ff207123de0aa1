package org.paperboy.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The maintainers' dashboard, served by {@code run} on {@code paperboy.http.port}.
 *
 * @param enabled whether it is served
 * @param users who may log in, by name, in file order
 * @param idleTimeout how long a session lasts without a request
 * @param maxFailedLogins wrong passwords in a row, for one user or one address, before logins are
 *     refused for {@code lockout}
 * @param lockout how long logins stay refused then
 * @param behindProxy whether a reverse proxy forwards to it, whose {@code X-Forwarded-*} headers
 *     are then believed
 */
public record DashboardConfig(
    boolean enabled,
    Map<String, User> users,
    Duration idleTimeout,
    int maxFailedLogins,
    Duration lockout,
    boolean behindProxy) {

  /** What a user may do. */
  public enum Role {
    /** Approve, edit, drop and retry posts, and look. */
    EDITOR,
    /** Look only. */
    VIEWER
  }

  /**
   * A user who may log in.
   *
   * @param name the name typed at login
   * @param password the password, from the environment; never printed
   * @param role what the user may do
   */
  public record User(String name, String password, Role role) {
    public User {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(role, "role");
    }

    @Override
    public String toString() {
      return "User[" + name + ", <redacted>, " + role + "]";
    }
  }

  /** The dashboard off. */
  public static final DashboardConfig OFF =
      new DashboardConfig(
          false, Map.of(), Duration.ofMinutes(30), 5, Duration.ofMinutes(15), false);

  public DashboardConfig {
    users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(lockout, "lockout");
  }

  /** These settings without the users: what a reload changes only at the next start. */
  public DashboardConfig withoutUsers() {
    return new DashboardConfig(
        enabled, Map.of(), idleTimeout, maxFailedLogins, lockout, behindProxy);
  }
}

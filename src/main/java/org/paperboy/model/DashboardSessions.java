package org.paperboy.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the dashboard keeps its sessions and its count of wrong passwords: in the database, so that
 * any node of a cluster serves any session and a lockout holds on every node. The store implements
 * it; implementations are thread-safe.
 */
public interface DashboardSessions {

  /** Keeps a new session. */
  void open(DashboardSession session);

  /** The session whose id hashes to {@code idHash}, if it is open. */
  Optional<DashboardSession> find(String idHash);

  /** Records a request of the session at {@code at}, and what its next page says (or null). */
  void touch(String idHash, Instant at, String flash);

  /** Ends a session. */
  void close(String idHash);

  /** Ends every session last seen before {@code cutoff}; returns how many. */
  int closeIdle(Instant cutoff);

  /**
   * Counts a wrong password for {@code subject} (a user, or an address) at {@code at}, as one more
   * in a row unless its last came before {@code since}. Returns how many in a row now.
   */
  int failedLogin(String subject, Instant at, Instant since);

  /**
   * The wrong passwords in a row for {@code subject} since {@code since}, and the last one's time.
   */
  Optional<FailedLogins> failedLogins(String subject, Instant since);

  /** Forgets {@code subject}'s wrong passwords, after a good one. */
  void loggedIn(String subject);

  /**
   * Wrong passwords in a row.
   *
   * @param count how many
   * @param last when the last was typed
   */
  record FailedLogins(int count, Instant last) {}
}

package org.paperboy.model;

import java.util.Optional;

/**
 * Where an account's platform session is kept between requests, restarts and cluster nodes; the
 * store hands the platform one that the database holds. Implementations are thread-safe.
 */
public interface SessionStore {

  /** The account's session, if it has one. */
  Optional<Session> load(String accountId);

  /** Keeps {@code session} as the account's, replacing any before it. */
  void save(String accountId, Session session);
}

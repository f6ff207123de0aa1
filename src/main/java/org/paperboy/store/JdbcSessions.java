package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.paperboy.model.Session;
import org.paperboy.model.SessionStore;

/** The platforms' sessions, by account, in the database every node shares. Thread-safe. */
public final class JdbcSessions implements SessionStore {

  // SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike.
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final Clock clock;

  public JdbcSessions(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public Optional<Session> load(String accountId) {
    return Jdbc.transaction(
        dataSource,
        "reading the session of account " + accountId,
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT did, access_jwt, refresh_jwt FROM sessions WHERE account_id = ?")) {
            select.setString(1, accountId);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next()
                  ? Optional.of(
                      new Session(rows.getString(1), rows.getString(2), rows.getString(3)))
                  : Optional.empty();
            }
          }
        });
  }

  /**
   * Updates the account's row, or inserts it when there is none. Two nodes that refreshed at once
   * both save: an update waits for the other's and then replaces it, where a delete and an insert
   * each saw no row and the second insert broke the primary key. Two first inserts at once: the
   * later becomes an update.
   */
  @Override
  public void save(String accountId, Session session) {
    String doing = "keeping the session of account " + accountId;
    if (Jdbc.transaction(dataSource, doing, c -> update(c, accountId, session)) > 0) {
      return;
    }
    try {
      Jdbc.transaction(dataSource, doing, c -> insert(c, accountId, session));
    } catch (StoreException e) {
      if (!(e.getCause() instanceof SQLException cause)
          || !UNIQUE_VIOLATION.equals(cause.getSQLState())) {
        throw e;
      }
      Jdbc.transaction(dataSource, doing, c -> update(c, accountId, session));
    }
  }

  private int update(Connection c, String accountId, Session session) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE sessions SET did = ?, access_jwt = ?, refresh_jwt = ?, updated_at = ?"
                + " WHERE account_id = ?")) {
      update.setString(1, session.did());
      update.setString(2, session.accessJwt());
      update.setString(3, session.refreshJwt());
      Jdbc.setInstant(update, 4, clock.instant());
      update.setString(5, accountId);
      return update.executeUpdate();
    }
  }

  private int insert(Connection c, String accountId, Session session) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO sessions (account_id, did, access_jwt, refresh_jwt, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, accountId);
      insert.setString(2, session.did());
      insert.setString(3, session.accessJwt());
      insert.setString(4, session.refreshJwt());
      Jdbc.setInstant(insert, 5, clock.instant());
      return insert.executeUpdate();
    }
  }
}

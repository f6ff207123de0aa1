package org.paperboy.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.paperboy.model.Session;
import org.paperboy.model.SessionStore;

/** The platforms' sessions, by account, in the database every node shares. Thread-safe. */
public final class JdbcSessions implements SessionStore {

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

  @Override
  public void save(String accountId, Session session) {
    Jdbc.transaction(
        dataSource,
        "keeping the session of account " + accountId,
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM sessions WHERE account_id = ?")) {
            delete.setString(1, accountId);
            delete.executeUpdate();
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO sessions (account_id, did, access_jwt, refresh_jwt, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, accountId);
            insert.setString(2, session.did());
            insert.setString(3, session.accessJwt());
            insert.setString(4, session.refreshJwt());
            Jdbc.setInstant(insert, 5, clock.instant());
            insert.executeUpdate();
          }
          return null;
        });
  }
}

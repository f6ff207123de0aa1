package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.paperboy.model.DashboardSession;
import org.paperboy.model.DashboardSessions;

/** The dashboard's sessions and wrong passwords, in the database every node shares. Thread-safe. */
public final class JdbcDashboardSessions implements DashboardSessions {

  // SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike.
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public JdbcDashboardSessions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void open(DashboardSession session) {
    Jdbc.transaction(
        dataSource,
        "opening a dashboard session for " + session.username(),
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO dashboard_sessions (id_hash, username, csrf_token, created_at,"
                      + " last_seen, flash) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, session.idHash());
            insert.setString(2, Jdbc.fit(session.username(), 100));
            insert.setString(3, session.csrfToken());
            Jdbc.setInstant(insert, 4, session.lastSeen());
            Jdbc.setInstant(insert, 5, session.lastSeen());
            insert.setString(6, Jdbc.fit(session.flash(), 2000));
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public Optional<DashboardSession> find(String idHash) {
    return Jdbc.transaction(
        dataSource,
        "reading a dashboard session",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT username, csrf_token, last_seen, flash FROM dashboard_sessions"
                      + " WHERE id_hash = ?")) {
            select.setString(1, idHash);
            try (ResultSet rows = select.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new DashboardSession(
                      idHash,
                      rows.getString("username"),
                      rows.getString("csrf_token"),
                      Jdbc.getInstant(rows, "last_seen"),
                      rows.getString("flash")));
            }
          }
        });
  }

  @Override
  public void touch(String idHash, Instant at, String flash) {
    Jdbc.transaction(
        dataSource,
        "keeping a dashboard session",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE dashboard_sessions SET last_seen = ?, flash = ? WHERE id_hash = ?")) {
            Jdbc.setInstant(update, 1, at);
            update.setString(2, Jdbc.fit(flash, 2000));
            update.setString(3, idHash);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public void close(String idHash) {
    Jdbc.transaction(
        dataSource,
        "ending a dashboard session",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM dashboard_sessions WHERE id_hash = ?")) {
            delete.setString(1, idHash);
            return delete.executeUpdate();
          }
        });
  }

  @Override
  public int closeIdle(Instant cutoff) {
    return Jdbc.transaction(
        dataSource,
        "ending idle dashboard sessions",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM dashboard_sessions WHERE last_seen < ?")) {
            Jdbc.setInstant(delete, 1, cutoff);
            return delete.executeUpdate();
          }
        });
  }

  /**
   * Adds one to the subject's row, or inserts it with one. Failures older than {@code since} are
   * forgotten first, for every subject, so the table holds only those that still count. Two first
   * failures at once (two nodes): the later insert becomes an update.
   */
  @Override
  public int failedLogin(String subject, Instant at, Instant since) {
    String key = Jdbc.fit(subject, 300);
    String doing = "counting a wrong dashboard password";
    int counted =
        Jdbc.transaction(
            dataSource,
            doing,
            c -> {
              try (PreparedStatement delete =
                  c.prepareStatement(
                      "DELETE FROM dashboard_login_failures WHERE last_failed < ?")) {
                Jdbc.setInstant(delete, 1, since);
                delete.executeUpdate();
              }
              return addOne(c, key, at);
            });
    if (counted == 0) {
      try {
        Jdbc.transaction(dataSource, doing, c -> insertOne(c, key, at));
      } catch (StoreException e) {
        if (!(e.getCause() instanceof SQLException cause)
            || !UNIQUE_VIOLATION.equals(cause.getSQLState())) {
          throw e;
        }
        Jdbc.transaction(dataSource, doing, c -> addOne(c, key, at));
      }
    }
    return failedLogins(subject, since).map(FailedLogins::count).orElse(1);
  }

  private static int addOne(Connection c, String key, Instant at) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE dashboard_login_failures SET failures = failures + 1, last_failed = ?"
                + " WHERE subject = ?")) {
      Jdbc.setInstant(update, 1, at);
      update.setString(2, key);
      return update.executeUpdate();
    }
  }

  private static int insertOne(Connection c, String key, Instant at) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO dashboard_login_failures (subject, failures, last_failed)"
                + " VALUES (?, 1, ?)")) {
      insert.setString(1, key);
      Jdbc.setInstant(insert, 2, at);
      return insert.executeUpdate();
    }
  }

  @Override
  public Optional<FailedLogins> failedLogins(String subject, Instant since) {
    return Jdbc.transaction(
        dataSource,
        "reading wrong dashboard passwords",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT failures, last_failed FROM dashboard_login_failures"
                      + " WHERE subject = ? AND last_failed >= ?")) {
            select.setString(1, Jdbc.fit(subject, 300));
            Jdbc.setInstant(select, 2, since);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next()
                  ? Optional.of(
                      new FailedLogins(rows.getInt(1), Jdbc.getInstant(rows, "last_failed")))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public void loggedIn(String subject) {
    Jdbc.transaction(
        dataSource,
        "forgetting wrong dashboard passwords",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM dashboard_login_failures WHERE subject = ?")) {
            delete.setString(1, Jdbc.fit(subject, 300));
            return delete.executeUpdate();
          }
        });
  }
}

package org.paperboy.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;
import org.paperboy.model.AccountPause;

/** Accounts paused as a whole, with why and until when. Thread-safe. */
public final class JdbcAccountStore {

  private final DataSource dataSource;

  public JdbcAccountStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The account's pause, if it has one (ended or not). */
  public Optional<AccountPause> pause(String accountId) {
    return Jdbc.transaction(
        dataSource,
        "reading the pause of account " + accountId,
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT paused_until, kind, reason FROM account_pauses WHERE account_id = ?")) {
            select.setString(1, accountId);
            try (ResultSet rows = select.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new AccountPause(
                      Jdbc.getInstant(rows, "paused_until"),
                      AccountPause.Kind.ofStored(rows.getString("kind")),
                      rows.getString("reason")));
            }
          }
        });
  }

  /** Pauses the account until {@code pause.until()}, replacing any earlier pause. */
  public void pause(String accountId, AccountPause pause) {
    Jdbc.transaction(
        dataSource,
        "pausing account " + accountId,
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM account_pauses WHERE account_id = ?")) {
            delete.setString(1, accountId);
            delete.executeUpdate();
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO account_pauses (account_id, paused_until, kind, reason)"
                      + " VALUES (?, ?, ?, ?)")) {
            insert.setString(1, accountId);
            Jdbc.setInstant(insert, 2, pause.until());
            insert.setString(3, pause.kind().stored());
            insert.setString(4, Jdbc.fit(pause.reason(), 2000));
            insert.executeUpdate();
          }
          return null;
        });
  }

  /** Ends the account's pause, if any. */
  public void resume(String accountId) {
    Jdbc.transaction(
        dataSource,
        "resuming account " + accountId,
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM account_pauses WHERE account_id = ?")) {
            delete.setString(1, accountId);
            delete.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Ends every pause for refused credentials: at start, the keys may have been fixed in the
   * environment, so they are tried again at once.
   */
  public int resumeUnauthorized() {
    return Jdbc.transaction(
        dataSource,
        "resuming accounts paused for refused credentials",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM account_pauses WHERE kind = ?")) {
            delete.setString(1, AccountPause.Kind.UNAUTHORIZED.stored());
            return delete.executeUpdate();
          }
        });
  }
}

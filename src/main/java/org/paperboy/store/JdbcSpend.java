package org.paperboy.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What the posts of accounts with a budget cost, as the platform bills them: X offers no API to
 * read what it billed, so Paperboy keeps its own count. Thread-safe.
 */
public final class JdbcSpend {

  private final DataSource dataSource;

  public JdbcSpend(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The charge standing for part {@code part} of post {@code outboxId}: recorded as it went out,
   * and not taken back since.
   */
  public Optional<Long> standing(long outboxId, int part) {
    return Jdbc.transaction(
        dataSource,
        "reading the charge of post " + outboxId,
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT MAX(id) FROM spend WHERE outbox_id = ? AND part = ?")) {
            select.setLong(1, outboxId);
            select.setInt(2, part);
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              long id = rows.getLong(1);
              return rows.wasNull() ? Optional.<Long>empty() : Optional.of(id);
            }
          }
        });
  }

  /**
   * Records that part {@code part} of post {@code outboxId} costs {@code amount}, and returns the
   * charge's id.
   */
  public long record(String accountId, long outboxId, int part, BigDecimal amount, Instant at) {
    return Jdbc.transaction(
        dataSource,
        "recording what a post of account " + accountId + " cost",
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO spend (account_id, outbox_id, part, amount, spent_at)"
                      + " VALUES (?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, accountId);
            insert.setLong(2, outboxId);
            insert.setInt(3, part);
            insert.setBigDecimal(4, amount);
            Jdbc.setInstant(insert, 5, at);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }

  /** Sets what charge {@code chargeId} costs: the post went out for less than was charged. */
  public void reprice(long chargeId, BigDecimal amount) {
    Jdbc.transaction(
        dataSource,
        "correcting charge " + chargeId,
        c -> {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE spend SET amount = ? WHERE id = ?")) {
            update.setBigDecimal(1, amount);
            update.setLong(2, chargeId);
            update.executeUpdate();
          }
          return null;
        });
  }

  /** Takes back the charge {@code chargeId}: the platform refused the post, so billed nothing. */
  public void withdraw(long chargeId) {
    Jdbc.transaction(
        dataSource,
        "taking back charge " + chargeId,
        c -> {
          try (PreparedStatement delete = c.prepareStatement("DELETE FROM spend WHERE id = ?")) {
            delete.setLong(1, chargeId);
            delete.executeUpdate();
          }
          return null;
        });
  }

  /** What {@code accountId} has spent since {@code since}. */
  public BigDecimal since(String accountId, Instant since) {
    return Jdbc.transaction(
        dataSource,
        "reading what account " + accountId + " spent",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT COALESCE(SUM(amount), 0) FROM spend WHERE account_id = ? AND spent_at >= ?")) {
            select.setString(1, accountId);
            Jdbc.setInstant(select, 2, since);
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              return rows.getBigDecimal(1).stripTrailingZeros();
            }
          }
        });
  }

  /** What each account has spent since each one's start, for {@code /metrics}, by account. */
  public Map<String, BigDecimal> since(Map<String, Instant> starts) {
    Map<String, BigDecimal> spent = new TreeMap<>();
    starts.forEach((account, start) -> spent.put(account, since(account, start)));
    return spent;
  }
}

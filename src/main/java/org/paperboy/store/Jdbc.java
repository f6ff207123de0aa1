package org.paperboy.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.sql.DataSource;

/** Transactions and the value conversions every store shares. */
final class Jdbc {

  /** Work done on one connection inside one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  // Keys longer than this (long PubMed or CNKI links) are stored as their SHA-256, so unique
  // indexes stay within PostgreSQL's B-tree row limit.
  private static final int MAX_KEY_LENGTH = 500;

  private Jdbc() {}

  /** Runs {@code work} in one transaction: committed when it returns, rolled back if it throws. */
  static <T> T transaction(DataSource dataSource, String doing, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(doing, e);
    }
  }

  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      // A typed null: PostgreSQL cannot infer the type of "? IS NULL" from an untyped one.
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
    }
  }

  static Instant getInstant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** {@code value} itself when short enough for a unique index, else its SHA-256. */
  static String key(String value) {
    if (value.length() <= MAX_KEY_LENGTH) {
      return value;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** {@code text} cut to fit a column of {@code max} characters. */
  static String fit(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}

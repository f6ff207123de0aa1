package org.paperboy.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A pooled connection to Paperboy's database, migrated to the current schema when opened. The pool
 * is shared by the stores and by Quartz's job store. Thread-safe.
 */
public final class Database implements AutoCloseable {

  /**
   * The highest {@code V<n>__} among the migrations under {@code db/migration}; a test keeps it
   * equal to them, so that a new migration is never skipped.
   */
  static final int LATEST_MIGRATION = 13;

  private final HikariDataSource pool;
  private final Dialect dialect;

  private Database(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  /**
   * Opens the database at {@code url} and applies any migrations it lacks.
   *
   * @throws StoreException-like {@link IllegalStateException} naming the URL when it cannot be
   *     reached or migrated
   */
  public static Database open(String url, String user, String password) {
    Dialect dialect = Dialect.of(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(dialect.jdbcUrl(url));
    if (!user.isEmpty()) {
      config.setUsername(user);
    }
    if (!password.isEmpty()) {
      config.setPassword(password);
    }
    config.setPoolName("paperboy");
    config.setMaximumPoolSize(8);
    config.setAutoCommit(true);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot open the database " + url + ": " + rootMessage(e), e);
    }
    try {
      if (schemaVersion(pool) < LATEST_MIGRATION) {
        Flyway.configure()
            .dataSource(pool)
            .locations(
                "classpath:db/migration/common", "classpath:db/migration/" + dialect.folder())
            .load()
            .migrate();
      }
    } catch (RuntimeException e) {
      pool.close();
      throw new IllegalStateException(
          "cannot migrate the database " + url + ": " + rootMessage(e), e);
    }
    return new Database(pool, dialect);
  }

  /**
   * The schema version of the database's last successful migration, or 0 when it has none: a
   * database already at {@link #LATEST_MIGRATION} is opened without Flyway, whose scan of the
   * migrations costs a command a few hundred classes and a noticeable part of its start.
   */
  private static int schemaVersion(DataSource pool) {
    try (Connection connection = pool.getConnection()) {
      try (ResultSet tables =
          connection.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
        if (!tables.next()) {
          return 0;
        }
      }
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT MAX(CAST(\"version\" AS INTEGER)) FROM \"flyway_schema_history\""
                      + " WHERE \"success\"")) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    } catch (SQLException e) {
      return 0; // a history this check cannot read: Flyway decides
    }
  }

  /** What is wrong with the database, or empty when it answers within two seconds. */
  public Optional<String> problem() {
    try (Connection connection = pool.getConnection()) {
      return connection.isValid(2) ? Optional.empty() : Optional.of("the database does not answer");
    } catch (SQLException | RuntimeException e) {
      return Optional.of("the database does not answer: " + e.getMessage());
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    pool.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
  }
}

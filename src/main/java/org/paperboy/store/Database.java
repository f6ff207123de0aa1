package org.paperboy.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A pooled connection to Paperboy's database, migrated to the current schema when opened. The pool
 * is shared by the stores and by Quartz's job store. Thread-safe.
 */
public final class Database implements AutoCloseable {

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
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.folder())
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new IllegalStateException(
          "cannot migrate the database " + url + ": " + rootMessage(e), e);
    }
    return new Database(pool, dialect);
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

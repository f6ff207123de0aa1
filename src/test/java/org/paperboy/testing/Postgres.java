package org.paperboy.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL for tests, started once per test JVM from Maven Central's binaries (nothing to
 * install) on 127.0.0.1; each caller gets a database of its own.
 */
public final class Postgres {

  private static EmbeddedPostgres server;

  private Postgres() {}

  /** A new, empty database's JDBC URL; user and password are {@code postgres}. */
  public static synchronized String freshDatabase() {
    try {
      if (server == null) {
        server = EmbeddedPostgres.builder().start();
        EmbeddedPostgres started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
      }
      String name = "paperboy_" + UUID.randomUUID().toString().replace("-", "");
      try (Connection admin = server.getPostgresDatabase().getConnection();
          Statement statement = admin.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      return server.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
  }

  private static void close(EmbeddedPostgres started) {
    try {
      started.close();
    } catch (IOException e) {
      // the JVM is ending
    }
  }
}

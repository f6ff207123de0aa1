package org.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Opening the database: migrated when behind, opened as it is when current. */
class DatabaseTest {

  @Test
  void theLatestMigrationIsTheOneTheCheckKnows() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
      int highest =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.matches("V\\d+__.*\\.sql"))
              .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
              .max()
              .orElseThrow();
      assertThat(Database.LATEST_MIGRATION)
          .as("Database.LATEST_MIGRATION, or the new migration is skipped on current databases")
          .isEqualTo(highest);
    }
  }

  @Test
  void aDatabaseBehindIsMigratedAndOneThatIsCurrentOpensWithoutFlyway() throws SQLException {
    try (Database fresh =
        Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")) {
      assertThat(version(fresh)).isEqualTo(Database.LATEST_MIGRATION);
    }
    // As a database written by the release before the latest migration.
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "", "")
        .locations("classpath:db/migration/common", "classpath:db/migration/h2")
        .target(String.valueOf(Database.LATEST_MIGRATION - 1))
        .load()
        .migrate();

    try (Database behind = Database.open(url, "", "")) {
      assertThat(version(behind)).isEqualTo(Database.LATEST_MIGRATION);
      execute(behind, "SELECT COUNT(*) FROM dashboard_sessions");
    }
    try (Database current = Database.open(url, "", "")) {
      assertThat(version(current)).isEqualTo(Database.LATEST_MIGRATION);
      // A checksum Flyway would refuse: only a database opened without Flyway opens now.
      execute(current, "UPDATE \"flyway_schema_history\" SET \"checksum\" = 1");
    }
    try (Database current = Database.open(url, "", "")) {
      assertThat(version(current)).as("opened as it is").isEqualTo(Database.LATEST_MIGRATION);
    }
  }

  private static int version(Database database) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT MAX(CAST(\"version\" AS INTEGER)) FROM \"flyway_schema_history\"")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void execute(Database database, String... statements) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }
}

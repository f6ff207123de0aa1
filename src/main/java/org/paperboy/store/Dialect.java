package org.paperboy.store;

import java.util.Locale;

/** The few ways the embedded database and PostgreSQL differ for Paperboy. */
public enum Dialect {
  H2("h2"),
  POSTGRESQL("postgresql");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The dialect of a JDBC URL. */
  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("not an H2 or PostgreSQL JDBC URL: " + jdbcUrl);
  }

  /**
   * {@code url} as Paperboy opens it. For H2: a commit is written out at once (its default delays
   * writes by up to 500 ms, so a killed process loses commits that had returned, and a post
   * recorded as sent would be sent again); the database is closed by Paperboy after the scheduler
   * stopped, not by H2's own shutdown hook racing the scheduler's last writes. A connection to a
   * database a service shares ({@code jdbc:h2:tcp:}) takes the service's settings.
   */
  String jdbcUrl(String url) {
    if (this != H2 || url.startsWith("jdbc:h2:tcp:")) {
      return url;
    }
    String upper = url.toUpperCase(Locale.ROOT);
    String result = retrying(url);
    if (!upper.contains("WRITE_DELAY")) {
      result += ";WRITE_DELAY=0";
    }
    if (!upper.contains("DB_CLOSE_ON_EXIT")) {
      result += ";DB_CLOSE_ON_EXIT=FALSE";
    }
    return result;
  }

  /**
   * A file database on H2's {@code retry:} file system: H2 closes a database whose file a thread
   * was interrupted in the middle of using, and Quartz interrupts its own threads when it stops;
   * {@code retry:} reopens the file and repeats the operation instead.
   */
  static String retrying(String url) {
    if (url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:retry:")) {
      return url;
    }
    if (url.startsWith("jdbc:h2:file:")) {
      return "jdbc:h2:retry:" + url.substring("jdbc:h2:file:".length());
    }
    return url.matches("jdbc:h2:[a-zA-Z]{2,}:.*")
        ? url
        : "jdbc:h2:retry:" + url.substring("jdbc:h2:".length());
  }

  /** The folder of this database's own migrations, beside the common ones. */
  String folder() {
    return folder;
  }

  /**
   * How a claim locks the row it takes: on PostgreSQL, rows another node is claiming are skipped
   * rather than waited for, so that several nodes claim different posts at once.
   */
  String claimLock() {
    return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
  }

  /** True when several Paperboy nodes may share this database as a Quartz cluster. */
  public boolean clustered() {
    return this == POSTGRESQL;
  }
}

package org.paperboy.store;

/** The few ways the embedded database and PostgreSQL differ for Paperboy. */
public enum Dialect {
  H2("h2", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate"),
  POSTGRESQL("postgresql", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");

  private final String folder;
  private final String quartzDelegate;

  Dialect(String folder, String quartzDelegate) {
    this.folder = folder;
    this.quartzDelegate = quartzDelegate;
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
   * {@code url} as Paperboy opens it. H2 closes a database in its own shutdown hook, racing the
   * scheduler's last writes; Paperboy closes it itself, after the scheduler stopped.
   */
  String jdbcUrl(String url) {
    if (this == H2 && !url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
      return url + ";DB_CLOSE_ON_EXIT=FALSE";
    }
    return url;
  }

  /** The folder of this database's own migrations, beside the common ones. */
  String folder() {
    return folder;
  }

  /** The Quartz driver delegate class for this database. */
  public String quartzDelegate() {
    return quartzDelegate;
  }
}

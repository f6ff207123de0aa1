package org.paperboy.config;

import java.util.Objects;

/**
 * Where Paperboy keeps its state.
 *
 * @param url a JDBC URL: {@code jdbc:h2:…} or {@code jdbc:postgresql:…}
 * @param user the database user, possibly empty
 * @param password the password, possibly empty; never printed
 */
public record DatabaseConfig(String url, String user, String password) {

  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url=" + url + ", user=" + user + ", password=<redacted>]";
  }
}

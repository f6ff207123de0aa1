package org.paperboy.config;

import java.util.Objects;

/**
 * One mistake in a configuration, located so that a maintainer can go straight to it.
 *
 * @param location {@code file:line}, or the file alone when the line is unknown
 * @param key the full key, such as {@code paperboy.feeds.nejm.schedule}, or empty for the file
 * @param message what was expected and what was found
 */
public record ConfigProblem(String location, String key, String message) {

  public ConfigProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return key.isEmpty() ? location + ": " + message : location + ": " + key + ": " + message;
  }
}

package org.paperboy.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where an account's posts go. */
public enum Platform {
  X,
  CONSOLE;

  /** The name as written in config files. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The platform written {@code name} in a config file, if any. */
  public static Optional<Platform> byConfigName(String name) {
    return Arrays.stream(values()).filter(p -> p.configName().equals(name)).findFirst();
  }

  /** Every platform as written in config files, for messages. */
  public static List<String> configNames() {
    return Arrays.stream(values()).map(Platform::configName).toList();
  }
}

package org.paperboy.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an account's posts go. Each has its keys in {@code reference.conf}'s defaults.<platform>.
 */
public enum Platform {
  X("X"),
  MASTODON("its Mastodon instance"),
  BLUESKY("Bluesky"),
  CONSOLE("the console (as X)");

  private final String judge;

  Platform(String judge) {
    this.judge = judge;
  }

  /** Who judges a post's length, for messages: "X", "its Mastodon instance". */
  public String judge() {
    return judge;
  }

  /** Where {@code reference.conf} declares this platform's own keys, or null when it has none. */
  String keysPath() {
    return this == CONSOLE ? null : "paperboy.defaults." + configName();
  }

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

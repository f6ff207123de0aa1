package org.paperboy.config;

import java.util.Locale;

/** Where an account's posts go. */
public enum Platform {
  X,
  CONSOLE;

  /** The name as written in config files. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package org.paperboy.config;

import java.util.Optional;

/**
 * One {@code paperboy.<section>.<id>} block, read over its defaults.
 *
 * @param id the block's id, such as {@code lab}
 * @param path its full path, such as {@code paperboy.accounts.lab}
 * @param reader reads its values, recording problems
 */
record ConfigBlock(String id, String path, ConfigReader reader) {

  /**
   * A secret at {@code key}: it must come from the environment, never from a file. Empty when it is
   * missing, empty, written in a file, or from an unset variable; each is reported once.
   *
   * @param platform the platform's name, which starts the variable a message suggests ({@code X})
   */
  Optional<String> secret(String key, String platform) {
    Optional<String> value = reader.string(key);
    if (value.isEmpty() || ConfigLoader.fromUnsetVariable(reader.value(key))) {
      return Optional.empty();
    }
    if (!ConfigLoader.fromEnvironment(reader.value(key))) {
      reader.problem(
          key,
          "secrets must come from the environment: write "
              + key
              + " = ${"
              + AccountReader.variableFor(platform, id, key)
              + "}");
      return Optional.empty();
    }
    if (value.get().isBlank()) {
      reader.problem(key, "is empty: its environment variable must hold the secret");
      return Optional.empty();
    }
    return value;
  }
}

package org.paperboy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads typed values from one block of a resolved config and records, instead of throwing, every
 * value that is missing or of the wrong type, so that all problems are reported at once.
 */
final class ConfigReader {

  private final Config block;
  private final String prefix;
  private final List<ConfigProblem> problems;
  private final ConfigOrigin home;

  /**
   * @param block the block to read from
   * @param prefix the block's full path, such as {@code paperboy.feeds.nejm}, for messages
   * @param problems where problems are recorded
   * @param home where the block was written, for problems about keys it lacks
   */
  ConfigReader(Config block, String prefix, List<ConfigProblem> problems, ConfigOrigin home) {
    this.block = block;
    this.prefix = prefix;
    this.problems = problems;
    this.home = home;
  }

  Optional<String> string(String key) {
    return read(key, ConfigValueType.STRING, "a string", block::getString);
  }

  Optional<Integer> integer(String key) {
    return read(key, ConfigValueType.NUMBER, "a whole number", block::getInt);
  }

  Optional<List<String>> strings(String key) {
    return read(key, ConfigValueType.LIST, "a list of strings", block::getStringList);
  }

  /** A duration such as {@code 15m}, {@code 90s} or {@code 2 hours}. */
  Optional<Duration> duration(String key) {
    return read(key, ConfigValueType.STRING, "a duration such as 15m", block::getDuration);
  }

  Optional<Boolean> bool(String key) {
    return read(key, ConfigValueType.BOOLEAN, "true or false", block::getBoolean);
  }

  /**
   * An amount of money such as {@code 10.00} or {@code 0.015}, read from its written digits so that
   * it is exact, never a binary fraction.
   */
  Optional<BigDecimal> money(String key) {
    Optional<String> text =
        read(
            key,
            ConfigValueType.STRING,
            "an amount such as 10.00",
            k -> written(block.getValue(k)));
    try {
      Optional<BigDecimal> amount = text.map(BigDecimal::new);
      if (amount.isPresent() && amount.get().signum() < 0) {
        problem(key, "must not be negative, found " + text.get());
        return Optional.empty();
      }
      return amount;
    } catch (NumberFormatException e) {
      problem(key, "expected an amount such as 10.00, found " + text.get());
      return Optional.empty();
    }
  }

  private static String written(ConfigValue value) {
    return value.valueType() == ConfigValueType.STRING
        ? ((String) value.unwrapped()).strip()
        : value.render(ConfigRenderOptions.concise());
  }

  /** A size such as {@code 10MiB} or {@code 500kB}, in bytes. */
  Optional<Long> bytes(String key) {
    return read(key, ConfigValueType.STRING, "a size such as 10MiB", block::getBytes);
  }

  /** A duration, or empty without a problem when the key is null (meaning "no limit"). */
  Optional<Duration> optionalDuration(String key) {
    if (!block.hasPath(key)) {
      return Optional.empty();
    }
    return duration(key);
  }

  /** A string, or empty without a problem when the key is null. */
  Optional<String> optionalString(String key) {
    if (!block.hasPath(key)) {
      return Optional.empty();
    }
    return string(key);
  }

  /** A list of objects, each as a {@link Config}. */
  Optional<List<? extends Config>> objects(String key) {
    return read(key, ConfigValueType.LIST, "a list of { … } blocks", block::getConfigList);
  }

  /**
   * A reader of {@code own} over {@code defaults}, at {@code path}, recording its problems with
   * this reader's: for the blocks inside a block, such as a feed's hashtag rules.
   */
  ConfigReader child(Config own, Config defaults, String path) {
    return new ConfigReader(own.withFallback(defaults), path, problems, own.root().origin());
  }

  /** How many problems have been recorded so far, by every reader of this config. */
  int problemCount() {
    return problems.size();
  }

  /** Records each key written in {@code written} that {@code declared} lacks. */
  void unknownKeys(Config written, Set<String> declared) {
    unknownKeys(written, declared, "");
  }

  /**
   * Records each key of the block at {@code key} that {@code reference.conf} does not declare at
   * {@code declaredPath}.
   */
  void unknownKeysIn(String key, String declaredPath) {
    if (block.hasPath(key) && block.getValue(key).valueType() == ConfigValueType.OBJECT) {
      unknownKeys(block.getConfig(key), ConfigLoader.declaredKeys(declaredPath), key + ".");
    }
  }

  private void unknownKeys(Config written, Set<String> declared, String prefix) {
    for (String key : ConfigLoader.keysInFileOrder(written.root())) {
      if (!declared.contains(key)) {
        problem(
            prefix + ConfigUtil.joinPath(key),
            "unknown key; expected one of " + new TreeSet<>(declared));
      }
    }
  }

  /** The folder of the file where the value at {@code key} was written. */
  Path folderOf(String key) {
    return Path.of(where(key).replaceFirst(":\\d+$", "")).toAbsolutePath().getParent();
  }

  /** Records a problem about {@code key} at the place its value was written. */
  void problem(String key, String message) {
    problems.add(new ConfigProblem(where(key), fullKey(key), message));
  }

  /** {@code file:line} of the value at {@code key}, or of the block when the key is unset. */
  String where(String key) {
    if (block.hasPath(key)) {
      return describe(block.getValue(key).origin());
    }
    return describe(home);
  }

  String fullKey(String key) {
    return prefix + "." + key;
  }

  ConfigValue value(String key) {
    return block.getValue(key);
  }

  private <T> Optional<T> read(
      String key, ConfigValueType type, String expected, Function<String, T> getter) {
    if (!block.hasPathOrNull(key) || block.getIsNull(key)) {
      problem(key, "is required: expected " + expected);
      return Optional.empty();
    }
    ConfigValue value = block.getValue(key);
    // HOCON reads "15m" and 15 alike as strings where a string is asked for; say so only for
    // real mismatches such as a list where a number is expected.
    boolean scalarWanted = type != ConfigValueType.LIST;
    boolean scalarFound =
        value.valueType() != ConfigValueType.LIST && value.valueType() != ConfigValueType.OBJECT;
    if (scalarWanted != scalarFound) {
      problem(key, "expected " + expected + ", found " + render(value));
      return Optional.empty();
    }
    try {
      return Optional.of(getter.apply(key));
    } catch (ConfigException e) {
      problem(key, "expected " + expected + ", found " + render(value));
      return Optional.empty();
    }
  }

  static String render(ConfigValue value) {
    return value.render(ConfigRenderOptions.concise());
  }

  static String describe(ConfigOrigin origin) {
    if (origin == null) {
      return "<unknown>";
    }
    String file = origin.filename();
    if (file == null) {
      return origin.description();
    }
    return origin.lineNumber() > 0 ? file + ":" + origin.lineNumber() : file;
  }
}

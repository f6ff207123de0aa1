package org.paperboy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a root HOCON file (and the files it includes) into a {@link PaperboyConfig}, checking every
 * key and value against {@code reference.conf}. Thread-safe.
 */
public final class ConfigLoader {

  private static final String ENVIRONMENT = "the environment";
  private static final String UNSET = "an unset environment variable";
  // The stand-in value of an unset variable, so that the key it was meant for can be found.
  private static final String UNSET_MARK = "\u0000unset:";
  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{\\??\\s*([^}\\s]+)\\s*}");
  private static final int MAX_UNSET_VARIABLES = 200;

  // Problems read top to bottom: by file, then line; stable for problems on one line.
  private static final Comparator<ConfigProblem> IN_FILE_ORDER =
      Comparator.comparing((ConfigProblem p) -> p.location().replaceFirst(":\\d+$", ""))
          .thenComparingInt(
              p -> {
                Matcher line = Pattern.compile(":(\\d+)$").matcher(p.location());
                return line.find() ? Integer.parseInt(line.group(1)) : 0;
              });

  private final Map<String, String> environment;
  private final CronValidator cron;

  /**
   * @param environment the variables that {@code ${NAME}} substitutions read, normally {@code
   *     System.getenv()}
   * @param cron the scheduler's cron syntax, which feeds' {@code schedule} must follow
   */
  public ConfigLoader(Map<String, String> environment, CronValidator cron) {
    this.environment = Map.copyOf(environment);
    this.cron = cron;
  }

  /**
   * Loads and validates {@code file}.
   *
   * @throws InvalidConfigException with every problem found, each naming its file, line and key
   */
  public PaperboyConfig load(Path file) throws InvalidConfigException {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      throw new InvalidConfigException(
          List.of(new ConfigProblem(file.toString(), "", "no such config file")));
    }
    Config parsed;
    try {
      parsed = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults());
    } catch (ConfigException e) {
      throw new InvalidConfigException(List.of(problemOf(e, file)));
    }
    Config config = resolve(parsed.withFallback(ConfigFactory.defaultReference()), problems);
    Set<Path> files = files(file, config);
    duplicates(files, problems);
    PaperboyConfig result =
        new ConfigValidator(config, parsed.root().keySet(), problems, files, cron).validate(file);
    if (!problems.isEmpty()) {
      problems.sort(IN_FILE_ORDER);
      throw new InvalidConfigException(problems);
    }
    return result;
  }

  /**
   * Resolves {@code ${…}} substitutions against the file itself and the environment. An unset
   * variable is recorded as a problem naming it, then stood in for by a marker so that resolving
   * goes on and every unset variable is reported, not just the first.
   */
  private Config resolve(Config config, List<ConfigProblem> problems) {
    Map<String, String> unset = new HashMap<>();
    Map<String, Integer> problemOfVariable = new HashMap<>();
    for (int round = 0; round <= MAX_UNSET_VARIABLES; round++) {
      Config withEnvironment =
          config
              .withFallback(ConfigValueFactory.fromMap(environment, ENVIRONMENT))
              .withFallback(ConfigValueFactory.fromMap(unset, UNSET));
      try {
        Config resolved = withEnvironment.resolve(ConfigResolveOptions.noSystem());
        nameKeysOfUnsetVariables(resolved, problemOfVariable, problems);
        return resolved;
      } catch (ConfigException.UnresolvedSubstitution e) {
        Matcher name = SUBSTITUTION.matcher(e.getMessage());
        if (!name.find() || unset.containsKey(name.group(1))) {
          problems.add(problemOf(e, null));
          return ConfigFactory.defaultReference();
        }
        String variable = name.group(1);
        unset.put(variable, UNSET_MARK + variable);
        problemOfVariable.put(variable, problems.size());
        String where = e.origin() == null ? "<unknown>" : ConfigReader.describe(e.origin());
        problems.add(
            new ConfigProblem(
                where,
                "",
                "environment variable "
                    + variable
                    + " is not set: export it before starting Paperboy"));
      } catch (ConfigException e) {
        problems.add(problemOf(e, null));
        return ConfigFactory.defaultReference();
      }
    }
    return ConfigFactory.defaultReference();
  }

  /** The root file and every file it includes: where the config's values came from. */
  private static Set<Path> files(Path root, Config config) {
    Set<Path> files = new LinkedHashSet<>();
    files.add(root);
    addFiles(config.root(), files);
    return files;
  }

  /**
   * Adds the file of {@code value} and of every value inside it. A value made of two files, as a
   * list that a feed extends with {@code +=} after including a file of rules, has an origin whose
   * "filename" is Typesafe Config's description "merge of a.conf: 3,b.conf: 7"; its elements name
   * their own files.
   */
  private static void addFiles(ConfigValue value, Set<Path> files) {
    String filename = value.origin().filename();
    if (filename != null && !filename.startsWith("merge of ")) {
      files.add(Path.of(filename));
    }
    if (value instanceof ConfigObject object) {
      object.values().forEach(v -> addFiles(v, files));
    } else if (value instanceof ConfigList list) {
      list.forEach(v -> addFiles(v, files));
    }
  }

  /** Account and feed ids opened twice in the root file or the files it includes. */
  private static void duplicates(Set<Path> files, List<ConfigProblem> problems) {
    DuplicateBlocks.in(List.copyOf(files))
        .forEach(
            (path, places) -> {
              String kind = path.startsWith("paperboy.feeds.") ? "feed" : "account";
              String id = path.substring(path.lastIndexOf('.') + 1);
              problems.add(
                  new ConfigProblem(
                      places.get(1),
                      path,
                      "the "
                          + kind
                          + " id "
                          + id
                          + " is defined more than once (at "
                          + String.join(" and ", places)
                          + "); give each "
                          + kind
                          + " its own id"));
            });
  }

  /** Adds to each unset variable's problem the key that substitutes it. */
  private static void nameKeysOfUnsetVariables(
      Config resolved, Map<String, Integer> problemOfVariable, List<ConfigProblem> problems) {
    if (problemOfVariable.isEmpty() || !resolved.hasPath("paperboy")) {
      return;
    }
    for (Map.Entry<String, ConfigValue> entry : resolved.getConfig("paperboy").entrySet()) {
      Object value = entry.getValue().unwrapped();
      if (value instanceof String text && text.startsWith(UNSET_MARK)) {
        Integer index = problemOfVariable.remove(text.substring(UNSET_MARK.length()));
        if (index != null) {
          ConfigProblem problem = problems.get(index);
          problems.set(
              index,
              new ConfigProblem(
                  problem.location(), "paperboy." + entry.getKey(), problem.message()));
        }
      }
    }
  }

  private static ConfigProblem problemOf(ConfigException e, Path file) {
    String where =
        e.origin() != null
            ? ConfigReader.describe(e.origin())
            : file != null ? file.toString() : "<config>";
    String message = e.getMessage();
    // Typesafe Config starts its messages with the origin; do not say it twice.
    String prefix = e.origin() == null ? null : e.origin().description() + ": ";
    if (prefix != null && message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    return new ConfigProblem(where, "", message);
  }

  /** True when a value was substituted from the environment rather than written in a file. */
  static boolean fromEnvironment(ConfigValue value) {
    String description = value.origin().description();
    return description.startsWith(ENVIRONMENT) || description.startsWith(UNSET);
  }

  /** True when a value stands in for an unset variable, which is reported already. */
  static boolean fromUnsetVariable(ConfigValue value) {
    return value.origin().description().startsWith(UNSET);
  }

  /** The keys of an object block, in the order they were written. */
  static List<String> keysInFileOrder(ConfigObject object) {
    List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(object.entrySet());
    entries.sort(
        Comparator.comparing((Map.Entry<String, ConfigValue> e) -> fileOf(e.getValue().origin()))
            .thenComparingInt(e -> e.getValue().origin().lineNumber())
            .thenComparing(Map.Entry::getKey));
    List<String> keys = new ArrayList<>();
    entries.forEach(e -> keys.add(e.getKey()));
    return keys;
  }

  private static String fileOf(ConfigOrigin origin) {
    return origin.filename() == null ? "" : origin.filename();
  }

  /** The keys {@code reference.conf} declares for a block. */
  static Set<String> declaredKeys(String path) {
    return ConfigFactory.defaultReference().getConfig(path).root().keySet();
  }

  static boolean isObject(Config config, String path) {
    return config.hasPath(path) && config.getValue(path).valueType() == ConfigValueType.OBJECT;
  }
}

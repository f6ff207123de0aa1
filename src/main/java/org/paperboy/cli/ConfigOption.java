package org.paperboy.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.ConfigProblem;
import org.paperboy.config.InvalidConfigException;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.operate.Operations;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command takes, and loading what it names. */
final class ConfigOption {

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      required = true,
      description = "The root config file (HOCON); it may include others.")
  Path file;

  /**
   * Loads the config, opens the database for maintenance and runs {@code work} with both; a config
   * or database problem is printed to {@code err} and becomes the exit code.
   */
  int withMaintenance(
      ConfigLoader loader,
      EngineFactory engines,
      PrintStream err,
      BiFunction<PaperboyConfig, Operations, Integer> work) {
    PaperboyConfig valid = load(loader, err).orElse(null);
    if (valid == null) {
      return ExitCodes.USAGE_OR_CONFIG;
    }
    try (Operations maintenance = engines.maintain(valid)) {
      return work.apply(valid, maintenance);
    } catch (IllegalStateException e) {
      err.println("paperboy: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILURE;
    }
  }

  /** The config, or empty after printing every problem to {@code err}. */
  Optional<PaperboyConfig> load(ConfigLoader loader, PrintStream err) {
    try {
      return Optional.of(loader.load(file));
    } catch (InvalidConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        err.println(problem);
      }
      err.println(
          "paperboy: "
              + e.problems().size()
              + (e.problems().size() == 1 ? " problem" : " problems")
              + " in "
              + file
              + "; nothing was started");
      return Optional.empty();
    }
  }
}

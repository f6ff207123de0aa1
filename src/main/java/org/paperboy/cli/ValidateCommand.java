package org.paperboy.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paperboy validate}: checks a config and says what it holds. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Checks a config and the files it includes.",
    description = {
      "Every problem is listed with its file, line and key. Exit 0 when valid, 2 when not."
    })
final class ValidateCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  private final ConfigLoader loader;
  private final PrintStream out;
  private final PrintStream err;

  ValidateCommand(ConfigLoader loader, PrintStream out, PrintStream err) {
    this.loader = loader;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return config
        .load(loader, err)
        .map(
            valid -> {
              out.println(config.file + ": valid: " + describe(valid));
              return ExitCodes.OK;
            })
        .orElse(ExitCodes.USAGE_OR_CONFIG);
  }

  private static String describe(PaperboyConfig config) {
    int accounts = config.accounts().size();
    int feeds = config.feeds().size();
    return accounts
        + (accounts == 1 ? " account, " : " accounts, ")
        + feeds
        + (feeds == 1 ? " feed" : " feeds");
  }
}

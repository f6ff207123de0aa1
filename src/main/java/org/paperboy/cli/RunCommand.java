package org.paperboy.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paperboy run}: the service. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Runs the service: polls the feeds and posts from the queues until stopped.",
    description = {
      "Each feed is polled on its schedule and each account posts from its queue at its pace,",
      "until Ctrl-C or SIGTERM. A restart resumes where it stopped. Edits to the config files",
      "take effect without a restart; an invalid edit is reported and the config in force stays."
    })
final class RunCommand implements Callable<Integer> {

  // How often the config's files are looked at for changes.
  static final Duration WATCH_EVERY = Duration.ofSeconds(2);

  @Mixin ConfigOption config;

  private final ConfigLoader loader;
  private final EngineFactory engines;
  private final PrintStream err;

  RunCommand(ConfigLoader loader, EngineFactory engines, PrintStream err) {
    this.loader = loader;
    this.engines = engines;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    PaperboyConfig valid = config.load(loader, err).orElse(null);
    if (valid == null) {
      return ExitCodes.USAGE_OR_CONFIG;
    }
    Engine engine;
    try {
      engine = engines.open(valid);
    } catch (IllegalStateException e) {
      err.println("paperboy: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILURE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    engine.start();
    ConfigWatcher watcher = new ConfigWatcher(valid, loader, engine, WATCH_EVERY);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  watcher.close();
                  engine.close();
                  stopped.countDown();
                },
                "paperboy-shutdown"));
    err.println(
        "paperboy: running "
            + valid.feeds().size()
            + " feeds for "
            + valid.accounts().size()
            + " accounts; Ctrl-C stops");
    stopped.await();
    return ExitCodes.OK;
  }
}

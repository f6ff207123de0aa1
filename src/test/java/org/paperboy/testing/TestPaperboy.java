package org.paperboy.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.paperboy.Paperboy;
import org.paperboy.cli.Engine;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.InvalidConfigException;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.schedule.QuartzCron;

/**
 * Paperboy as the service tests start it: a config file loaded with {@link TestConfig}'s
 * environment, assembled by the composition root with the test's clock and console.
 */
public final class TestPaperboy {

  private TestPaperboy() {}

  /** The loader of the test environment's configs: its variables, Quartz's cron syntax. */
  public static ConfigLoader loader() {
    return loader(TestConfig.ENVIRONMENT);
  }

  /** A loader that substitutes {@code environment}'s variables. */
  public static ConfigLoader loader(Map<String, String> environment) {
    return new ConfigLoader(environment, new QuartzCron());
  }

  /** The config in {@code file}. */
  public static PaperboyConfig load(Path file) throws InvalidConfigException {
    return loader().load(file);
  }

  /** Paperboy for {@code config} on the system clock, its console posts thrown away. */
  public static Engine open(PaperboyConfig config) {
    return open(config, Clock.systemUTC(), new ByteArrayOutputStream());
  }

  /** Paperboy for the config in {@code file}, on the system clock. */
  public static Engine open(Path file) throws InvalidConfigException {
    return open(load(file));
  }

  /** Paperboy for {@code config} reading {@code clock}, printing console posts to {@code out}. */
  public static Engine open(PaperboyConfig config, Clock clock, OutputStream out) {
    return new Paperboy(clock, new PrintStream(out, true, StandardCharsets.UTF_8)).open(config);
  }
}

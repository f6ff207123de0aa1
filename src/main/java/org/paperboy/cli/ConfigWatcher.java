package org.paperboy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.ConfigProblem;
import org.paperboy.config.InvalidConfigException;
import org.paperboy.config.PaperboyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the config's files, the root and every file it includes, and puts a valid change into
 * effect without a restart. An invalid change is reported, file, line and key, and the config in
 * force stays in force. Files are compared by time and size every few seconds, which works the same
 * on every file system and editor (some replace a file rather than write it).
 */
public final class ConfigWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Path root;
  private final ConfigLoader loader;
  private final Engine engine;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "paperboy-config-watcher");
            thread.setDaemon(true);
            return thread;
          });
  private Map<Path, String> seen;
  private Set<Path> files;

  /**
   * Starts watching the files of {@code config} every {@code every}.
   *
   * @param engine where a valid change is put into effect
   */
  public ConfigWatcher(PaperboyConfig config, ConfigLoader loader, Engine engine, Duration every) {
    this.root = config.source();
    this.loader = loader;
    this.engine = engine;
    this.files = config.files();
    this.seen = stamps(files);
    timer.scheduleWithFixedDelay(
        this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void check() {
    Map<Path, String> now = stamps(files);
    if (now.equals(seen)) {
      return;
    }
    seen = now;
    try {
      PaperboyConfig next = loader.load(root);
      files = next.files();
      seen = stamps(files);
      engine.reload(next);
    } catch (InvalidConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        log.error("{}", problem);
      }
      log.error("{}: the change is not valid; the config in force stays in force", root);
    } catch (Exception e) {
      log.error("{}: cannot put the change into effect: {}", root, e.toString());
    }
  }

  /** Each file's modification time and size; a file gone is noted as such. */
  private static Map<Path, String> stamps(Set<Path> files) {
    Map<Path, String> stamps = new HashMap<>();
    for (Path file : files) {
      try {
        stamps.put(file, Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file));
      } catch (IOException e) {
        stamps.put(file, "gone");
      }
    }
    return stamps;
  }

  /**
   * Stops watching, letting a reload in progress finish: an interrupted thread would make H2 close
   * its database file under the rest of Paperboy.
   */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

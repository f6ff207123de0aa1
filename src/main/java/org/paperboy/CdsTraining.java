package org.paperboy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The build's training run for class data sharing: the maintainers' commands, each once, on the
 * demo config and a database of its own, in one JVM started with {@code -XX:ArchiveClassesAtExit}.
 * The classes they load are archived, parsed and verified, and {@code bin/paperboy} maps the
 * archive at every start instead of loading them again from the jar.
 */
public final class CdsTraining {

  private CdsTraining() {}

  /**
   * @param args the config to train on and a directory for its database
   */
  public static void main(String[] args) {
    String config = args[0];
    Map<String, String> environment =
        Map.of("PAPERBOY_DATABASE_URL", "jdbc:h2:file:" + Path.of(args[1], "db").toAbsolutePath());
    PrintStream discard =
        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    for (List<String> command :
        List.of(
            List.of("--version"),
            List.of("validate", "--config", config),
            List.of("preview", "--json", "--config", config),
            List.of("preview", "--explain", "--config", config),
            List.of("once", "--config", config),
            List.of("feeds", "--config", config),
            List.of("queue", "list", "--config", config),
            List.of("history", "--config", config))) {
      int exit = Paperboy.execute(command.toArray(String[]::new), environment, discard, System.err);
      if (exit != 0) {
        throw new IllegalStateException("training run: " + command + " exited " + exit);
      }
    }
  }
}

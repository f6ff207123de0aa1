package org.paperboy.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Paperboy in a JVM of its own, as operators run it, so that a test can kill it with SIGKILL. */
public final class ChildPaperboy {

  private ChildPaperboy() {}

  /**
   * Starts {@code paperboy ARGS} with the test's classpath.
   *
   * @param environment the variables its config substitutes (keys, passwords)
   * @param log where its stdout and stderr go
   */
  public static Process start(Map<String, String> environment, Path log, String... args)
      throws IOException {
    return start(List.of(), environment, log, args);
  }

  /**
   * Starts {@code paperboy ARGS} with the test's classpath and {@code jvmOptions} besides its 256
   * MB heap.
   */
  public static Process start(
      List<String> jvmOptions, Map<String, String> environment, Path log, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx256m");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.paperboy.Paperboy"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return builder.start();
  }
}

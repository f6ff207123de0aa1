package org.paperboy.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.paperboy.testing.ChildPaperboy;

/**
 * One {@code paperboy run} in a JVM of its own with the service's options, watched from outside:
 * its /health and /metrics, its peak heap (from its GC log and a last look with jcmd) and its peak
 * RSS.
 */
final class Node {

  private static final Pattern GC_PAUSE = Pattern.compile("\\) (\\d+)M->\\d+M\\(\\d+M\\)");
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final Path gcLog;
  private final Path log;

  private Node(Process process, int port, Path gcLog, Path log) {
    this.process = process;
    this.port = port;
    this.gcLog = gcLog;
    this.log = log;
  }

  /**
   * Starts a node on {@code config}; its output goes to {@code dir/name.log}. The JVM options in
   * the system property {@code bench.jvm}, if any, are added: a flight recording, for example.
   *
   * @param environment the variables the config substitutes
   */
  static Node start(Path config, Map<String, String> environment, Path dir, String name)
      throws IOException {
    int port = freePort();
    Map<String, String> env = new HashMap<>(environment);
    env.put("PAPERBOY_HTTP_PORT", Integer.toString(port));
    // As bin/paperboy, the systemd unit and the container image start the service.
    env.put("MALLOC_ARENA_MAX", "2");
    Path gcLog = dir.resolve(name + ".gc.log");
    Path log = dir.resolve(name + ".log");
    Process process =
        ChildPaperboy.start(
            Stream.concat(
                    Stream.of(
                        // The service's own options, as bin/paperboy and deploy/ start it.
                        "@" + Path.of("deploy", "paperboy.jvm").toAbsolutePath(),
                        "-Xlog:gc:file=" + gcLog),
                    Arrays.stream(System.getProperty("bench.jvm", "").split(" "))
                        .filter(s -> !s.isBlank()))
                .toList(),
            env,
            log,
            "run",
            "--config",
            config.toString());
    return new Node(process, port, gcLog, log);
  }

  /** Waits until /health answers 200, or fails at {@code deadline}. */
  void awaitHealthy(Instant deadline) throws IOException, InterruptedException {
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("a node exited with " + process.exitValue());
      }
      try {
        if (get("/health").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("a node was not healthy by " + deadline);
  }

  /**
   * Waits until the node's log holds {@code text} {@code times} times, or fails at {@code
   * deadline}.
   */
  void awaitLog(String text, int times, Instant deadline) throws IOException, InterruptedException {
    Pattern pattern = Pattern.compile(Pattern.quote(text));
    while (pattern.matcher(Files.readString(log)).results().count() < times) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("a node did not log \"" + text + "\" by " + deadline);
      }
      Thread.sleep(100);
    }
  }

  /** The sum of a counter over all its series, such as {@code paperboy_polls_total}. */
  long counter(String name) throws IOException, InterruptedException {
    double sum = 0;
    for (String line : get("/metrics").body().split("\n")) {
      if (line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return Math.round(sum);
  }

  /** The most heap in use: the largest before a collection, or now if more. */
  long peakHeapMiB() throws IOException, InterruptedException {
    long peak = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher pause = GC_PAUSE.matcher(line);
      if (pause.find()) {
        peak = Math.max(peak, Long.parseLong(pause.group(1)));
      }
    }
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process info =
        new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.heap_info")
            .redirectErrorStream(true)
            .start();
    Matcher used = HEAP_USED.matcher(new String(info.getInputStream().readAllBytes()));
    info.waitFor();
    if (used.find()) {
      peak = Math.max(peak, Long.parseLong(used.group(1)) / 1024);
    }
    return peak;
  }

  /** The most memory the process has held (VmHWM), in MiB. */
  long peakRssMiB() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    throw new IOException("no VmHWM in /proc/" + process.pid() + "/status");
  }

  /** Stops the node as an operator would (SIGTERM), and waits for it. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

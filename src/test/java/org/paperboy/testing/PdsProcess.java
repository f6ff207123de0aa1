package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The real PDS's Node.js process: installed if need be, started, and stopped with the JVM. */
final class PdsProcess {

  /**
   * A started PDS.
   *
   * @param url its {@code http://localhost:PORT}
   * @param jwtKey the key it signs its sessions' tokens with
   * @param log its log file
   */
  record Started(URI url, byte[] jwtKey, Path log) {}

  /** The PDS starts in 3 s on an idle machine, 20 s on a busy one. */
  private static final long START_TIMEOUT_SECONDS = 120;

  private PdsProcess() {}

  static Started start() throws IOException, InterruptedException {
    Path install = PdsInstall.ensureInstalled();
    Path data = Files.createTempDirectory("paperboy-pds-");
    Path logFile =
        Path.of("target", "pds-" + ProcessHandle.current().pid() + ".log").toAbsolutePath();
    Files.createDirectories(logFile.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(
                PdsInstall.node(install).toString(),
                "--import",
                PdsInstall.SOURCES.resolve("loopback.mjs").toUri().toString(),
                PdsInstall.SOURCES.resolve("start.mjs").toString(),
                "--data",
                data.toString(),
                "--install",
                install.toString())
            .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    // Its own log goes to the same file: stdout carries nothing but the ready line.
    builder.environment().put("LOG_ENABLED", "true");
    builder.environment().put("LOG_DESTINATION", logFile.toString());
    Process node = builder.start();
    // Its stdin stays open for the life of this JVM: when the JVM dies, even by SIGKILL, the
    // PDS sees it close and stops (start.mjs).
    OutputStream lifeline = node.getOutputStream();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, lifeline, data)));

    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                ready.complete(out.readLine());
                out.transferTo(Writer.nullWriter());
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
            },
            "real-pds-stdout");
    reader.setDaemon(true);
    reader.start();
    String line = null;
    String why;
    try {
      line = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      why = "closed its stdout";
    } catch (TimeoutException e) {
      why = "was not ready within " + START_TIMEOUT_SECONDS + " s";
    } catch (ExecutionException e) {
      why = "could not be read: " + e.getCause();
    }
    if (line == null) {
      if (node.waitFor(10, TimeUnit.SECONDS)) {
        why = "exited with " + node.exitValue();
      }
      node.destroyForcibly();
      throw new IllegalStateException(
          "the real Bluesky PDS " + why + "; its log " + logFile + " ends with:\n" + tail(logFile));
    }
    JsonNode started = FakeHttp.JSON.readTree(line);
    return new Started(
        URI.create(started.get("pds").asText()),
        // The PDS keys its HMAC with the secret's characters (auth-verifier.js
        // createSecretKeyObject).
        started.get("jwtSecret").asText().getBytes(StandardCharsets.UTF_8),
        logFile);
  }

  private static void stop(Process node, OutputStream lifeline, Path data) {
    try {
      node.destroy();
      if (!node.waitFor(10, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
      lifeline.close();
      PdsInstall.deleteRecursively(data);
    } catch (IOException | InterruptedException e) {
      // the JVM is ending
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}

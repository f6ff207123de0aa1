package org.paperboy.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Server;

/**
 * One Paperboy service per embedded database, and the database shared with maintenance commands
 * while it runs. The service holds a file lock beside the database (released by the operating
 * system when the process ends, even by {@code kill -9}) and serves the database over H2's TCP
 * server on loopback, writing its address beside the lock; a maintenance command that finds the
 * lock held connects there.
 */
public final class ServiceLock implements AutoCloseable {

  private static final Pattern H2_FILE = Pattern.compile("^jdbc:h2:(?:file:)?([^;:][^;]*)");

  private final Path lockFile;
  private final Path addressFile;
  private final FileChannel channel;
  private final FileLock lock;
  private Server server;

  private ServiceLock(Path lockFile, Path addressFile, FileChannel channel, FileLock lock) {
    this.lockFile = lockFile;
    this.addressFile = addressFile;
    this.channel = channel;
    this.lock = lock;
  }

  private static Optional<Path> databaseFile(String jdbcUrl) {
    Matcher m = H2_FILE.matcher(jdbcUrl);
    if (!m.find() || jdbcUrl.startsWith("jdbc:h2:mem:") || jdbcUrl.startsWith("jdbc:h2:tcp:")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(m.group(1)).toAbsolutePath());
  }

  /**
   * Takes the lock of the embedded database at {@code jdbcUrl}; nothing for other databases.
   *
   * @throws IllegalStateException naming the database when another Paperboy holds it
   */
  public static Optional<ServiceLock> acquire(String jdbcUrl) {
    Optional<Path> database = databaseFile(jdbcUrl);
    if (database.isEmpty()) {
      return Optional.empty();
    }
    Path file = Path.of(database.get() + ".service.lock");
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            "another Paperboy is running on the database "
                + jdbcUrl
                + " (it holds "
                + file
                + "); stop it first, or use PostgreSQL to run several");
      }
      return Optional.of(
          new ServiceLock(file, Path.of(database.get() + ".service.url"), channel, lock));
    } catch (IOException e) {
      throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Serves the open database to maintenance commands on loopback. */
  public void share(String jdbcUrl) {
    Path database = databaseFile(jdbcUrl).orElseThrow();
    try {
      server = Server.createTcpServer("-tcpPort", "0", "-ifExists").start();
      Files.writeString(
          addressFile,
          // The name the service opened it by (on the retry: file system, see Dialect).
          "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/retry:" + database,
          StandardCharsets.UTF_8);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(
          "cannot share the database " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  /**
   * The address of the embedded database at {@code jdbcUrl} when a running service serves it, else
   * {@code jdbcUrl} itself.
   */
  public static String sharedUrl(String jdbcUrl) {
    Optional<Path> database = databaseFile(jdbcUrl);
    if (database.isEmpty()) {
      return jdbcUrl;
    }
    Path file = Path.of(database.get() + ".service.lock");
    Path address = Path.of(database.get() + ".service.url");
    if (!Files.exists(file) || !Files.exists(address)) {
      return jdbcUrl;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(channel);
      if (lock != null) {
        lock.release();
        return jdbcUrl; // no service holds it: open the file directly
      }
      return Files.readString(address, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return jdbcUrl;
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this very process
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop();
    }
    try {
      Files.deleteIfExists(addressFile);
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The lock ends with the process anyway.
    }
  }

  @Override
  public String toString() {
    return "ServiceLock[" + lockFile + "]";
  }
}

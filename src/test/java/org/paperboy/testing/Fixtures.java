package org.paperboy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real publisher feeds, pages and abstracts copied into the test resources. */
public final class Fixtures {

  private static final Path ROOT = Path.of("src/test/resources/fixtures");

  private Fixtures() {}

  public static Path feed(String name) {
    Path path = ROOT.resolve("feeds").resolve(name);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no such fixture feed: " + path);
    }
    return path;
  }

  public static byte[] feedBytes(String name) {
    try {
      return Files.readAllBytes(feed(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String feedText(String name) {
    return new String(feedBytes(name), StandardCharsets.UTF_8);
  }

  public static byte[] pageBytes(String name) {
    try {
      return Files.readAllBytes(ROOT.resolve("pages").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every fixture feed's file name, sorted. */
  public static List<String> allFeeds() {
    try (Stream<Path> files = Files.list(ROOT.resolve("feeds"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

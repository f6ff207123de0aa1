package org.paperboy.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The loopback servers of deploy/check-image's two Paperboy containers, and the judge of what they
 * posted: ClusterIT's fixture feeds and the lab account's fake X (each post answered after 150 ms,
 * so that a node can be killed mid-work), on 127.0.0.1 for containers on the host's network.
 *
 * <p>{@code ContainerClusterCheck DIR JDBC_URL}, run from the project's root, writes into DIR the
 * nodes' config ({@code paperboy.conf}: the feeds, the lab account, the PostgreSQL database at
 * JDBC_URL, and HTTP on {@code $PAPERBOY_HTTP_PORT}), their environment ({@code env}: the keys) and
 * {@code unhealthy-port}, where {@code /health} answers 503. It prints {@code posted N of M} as X
 * accepts each post, and exits 0 once every paper is posted exactly once, or 1 when a paper is
 * posted twice or not within four minutes.
 */
public final class ContainerClusterCheck {

  /** The feeds ClusterIT polls. */
  private static final String[] FEEDS = {
    "wrapped-med_pubmed-rss2.xml", "wrapped-med_inline-rss1.xml", "wrapped-med_sections-atom.xml"
  };

  private ContainerClusterCheck() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ContainerClusterCheck DIR JDBC_URL");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    Set<String> expected = PaperIdentities.expected(FEEDS);
    try (FeedServer feeds = new FeedServer();
        FakeXApi x = TestConfig.labX()) {
      // X here takes the same text twice, as the real one may: each paper once is Paperboy's doing.
      x.acceptDuplicates();
      x.latency(Duration.ofMillis(150));
      StringBuilder config =
          new StringBuilder(TestConfig.postgres(args[1]))
              .append(TestConfig.labAccount(x, "min-spacing = 0s\nmax-per-day = 1000"))
              .append("paperboy.http { host = \"0.0.0.0\", port = ${PAPERBOY_HTTP_PORT} }\n");
      for (int i = 0; i < FEEDS.length; i++) {
        config
            .append("paperboy.feeds.f")
            .append(i)
            .append(" { url = \"")
            .append(feeds.serveFixture("/" + i + ".xml", FEEDS[i]))
            .append("\", account = lab, backfill = 100, schedule = 2s }\n");
      }
      feeds.route("/health", exchange -> exchange.sendResponseHeaders(503, -1));
      Files.writeString(dir.resolve("paperboy.conf"), config);
      Files.writeString(
          dir.resolve("env"),
          new TreeMap<>(TestConfig.ENVIRONMENT)
              .entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue() + "\n")
                  .collect(Collectors.joining()));
      Files.writeString(
          dir.resolve("unhealthy-port"), Integer.toString(feeds.url("/health").getPort()));
      System.out.println("ready: feeds and X on 127.0.0.1, config in " + dir);

      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      int printed = 0;
      while (printed < expected.size() && Instant.now().isBefore(deadline)) {
        printed = printNew(x.tweets(), printed, expected.size());
        Thread.sleep(50);
      }
      Thread.sleep(3000); // anything still to come would be a second post
      List<FakeXApi.Tweet> tweets = x.tweets();
      printNew(tweets, printed, expected.size());

      Map<String, Integer> postsPerPaper = new HashMap<>();
      for (FakeXApi.Tweet tweet : tweets) {
        postsPerPaper.merge(PaperIdentities.of(tweet), 1, Integer::sum);
      }
      List<String> twice =
          postsPerPaper.entrySet().stream()
              .filter(e -> e.getValue() > 1)
              .map(e -> String.valueOf(e.getKey()))
              .sorted()
              .toList();
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(postsPerPaper.keySet());
      if (!twice.isEmpty() || !postsPerPaper.keySet().equals(expected)) {
        System.out.printf(
            "FAILED: %d posts for %d papers; posted more than once: %s; never posted: %s%n",
            tweets.size(), expected.size(), twice, missing);
        System.exit(1);
      }
      System.out.printf("each of %d papers posted exactly once%n", expected.size());
    }
  }

  /** Prints a line for each post after the first {@code printed}; returns how many there are. */
  private static int printNew(List<FakeXApi.Tweet> tweets, int printed, int expected) {
    for (int i = printed; i < tweets.size(); i++) {
      System.out.printf(
          "posted %d of %d: %s%n", i + 1, expected, PaperIdentities.of(tweets.get(i)));
    }
    System.out.flush();
    return Math.max(printed, tweets.size());
  }
}

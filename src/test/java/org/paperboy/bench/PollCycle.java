package org.paperboy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.paperboy.testing.ChildPaperboy;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.Postgres;

/**
 * One poll cycle over a fleet of feeds, timed on {@code paperboy run} nodes as operators run them.
 * A first cycle ({@code paperboy once}) records every feed as polled. The nodes then start and run
 * untimed cycles, so that their JVMs have compiled the pipeline as a running service's have. Then a
 * share of the feeds publish new papers, and all feeds fire at one moment by a cron schedule. The
 * cycle lasts from that moment until the nodes report every feed polled.
 */
final class PollCycle {

  /** Where the nodes keep their state. */
  enum Store {
    H2,
    POSTGRESQL
  }

  /** What one cycle did and took. */
  record Figures(
      Store store,
      int nodes,
      int feeds,
      int changedFeeds,
      long polls,
      long papers,
      int expectedPapers,
      Duration wall,
      long peakHeapMiB,
      long peakRssMiB) {

    double feedsPerSecond() {
      return feeds / seconds();
    }

    double papersPerSecond() {
      return papers / seconds();
    }

    double seconds() {
      return wall.toNanos() / 1e9;
    }
  }

  private static final double CHANGED_SHARE = 0.3;
  // Polls the nodes make in untimed cycles before the timed one (at most four cycles, each with a
  // quarter of the other feeds publishing), so that their JVMs have compiled the pipeline as a
  // long-running service's have.
  private static final int WARM_UP_POLLS = 4000;

  private PollCycle() {}

  /** Runs one cycle of {@code feeds} feeds on {@code nodes} nodes; logs go under {@code dir}. */
  static Figures run(Store store, int nodes, int feeds, Path dir) throws Exception {
    // A database left by an earlier run would have seen every paper already.
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(dir);
    try (FeedServer server = new FeedServer()) {
      FeedFleet fleet = new FeedFleet(server, feeds);
      String database =
          store == Store.H2
              ? "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db")
              : Postgres.freshDatabase();
      Map<String, String> env =
          Map.of("PAPERBOY_DB_USER", "postgres", "PAPERBOY_DB_PASSWORD", "postgres");

      Path first = write(dir.resolve("first.conf"), database, fleet.config("0 0 0 1 1 ? 2099"));
      Process once =
          ChildPaperboy.start(env, dir.resolve("first.log"), "once", "--config", first.toString());
      if (once.waitFor() != 0) {
        throw new IllegalStateException("the first cycle failed; see " + dir.resolve("first.log"));
      }
      // The first cycle fires at a moment late enough for every node to have started; each later
      // one when the nodes have reloaded the config with a cron that fires once more.
      Instant fire = Instant.now().plusSeconds(15 + feeds / 200).truncatedTo(ChronoUnit.SECONDS);
      Path config = write(dir.resolve("cycle.conf"), database, fleet.config(cron(fire)));
      List<Node> running = new ArrayList<>();
      try {
        for (int n = 0; n < nodes; n++) {
          running.add(Node.start(config, env, dir, "node-" + (n + 1)));
        }
        for (Node node : running) {
          node.awaitHealthy(fire);
        }
        FeedFleet.Published published = null;
        long pollsBefore = 0;
        long papersBefore = 0;
        int untimed = Math.max(1, Math.min(4, WARM_UP_POLLS / feeds));
        for (int round = 0; round <= untimed; round++) {
          int quarter = round;
          published =
              fleet.publish(
                  round < untimed
                      ? i -> !FeedFleet.spread(i, CHANGED_SHARE) && i % 4 == quarter
                      : i -> FeedFleet.spread(i, CHANGED_SHARE));
          if (round > 0) {
            // The new cron changes every feed, so the reload rewrites every feed's queued posts: a
            // minute and more for 5,000.
            fire = Instant.now().plusSeconds(15 + feeds / 50).truncatedTo(ChronoUnit.SECONDS);
            write(config, database, fleet.config(cron(fire)));
            for (Node node : running) {
              node.awaitLog("config reloaded", round, fire);
            }
          }
          pollsBefore = sum(running, "paperboy_polls_total");
          papersBefore = sum(running, "paperboy_papers_seen_total");
          int requestsBefore = server.requests().size();
          while (Instant.now().isBefore(fire)) {
            Thread.sleep(20);
          }
          // Every feed requested, from the server's own count; only then the nodes' /metrics,
          // whose scrapes cost them CPU.
          Instant deadline = fire.plusSeconds(120 + feeds / 20);
          while (server.requests().size() - requestsBefore < feeds) {
            ensureBefore(deadline, "every feed requested");
            Thread.sleep(20);
          }
          while (sum(running, "paperboy_polls_total") - pollsBefore < feeds) {
            ensureBefore(deadline, "every feed polled");
            Thread.sleep(20);
          }
        }
        Duration wall = Duration.between(fire, Instant.now());
        // A moment more shows whether any feed was polled twice.
        Thread.sleep(1000);
        long heap = 0;
        long rss = 0;
        for (Node node : running) {
          heap = Math.max(heap, node.peakHeapMiB());
          rss = Math.max(rss, node.peakRssMiB());
        }
        return new Figures(
            store,
            nodes,
            feeds,
            published.feeds(),
            sum(running, "paperboy_polls_total") - pollsBefore,
            sum(running, "paperboy_papers_seen_total") - papersBefore,
            published.entries(),
            wall,
            heap,
            rss);
      } finally {
        for (Node node : running) {
          node.stop();
        }
      }
    }
  }

  /** A Quartz cron expression that fires once, at {@code moment} in this machine's zone. */
  private static String cron(Instant moment) {
    LocalDateTime at = LocalDateTime.ofInstant(moment, ZoneId.systemDefault());
    return "%d %d %d %d %d ? %d"
        .formatted(
            at.getSecond(),
            at.getMinute(),
            at.getHour(),
            at.getDayOfMonth(),
            at.getMonthValue(),
            at.getYear());
  }

  private static Path write(Path file, String database, String blocks) throws IOException {
    return Files.writeString(
        file,
        """
        paperboy.database { url = "%s", user = ${PAPERBOY_DB_USER}, password = ${PAPERBOY_DB_PASSWORD} }
        paperboy.http.port = ${?PAPERBOY_HTTP_PORT}
        %s
        """
            .formatted(database, blocks));
  }

  private static long sum(List<Node> nodes, String counter) throws Exception {
    long sum = 0;
    for (Node node : nodes) {
      sum += node.counter(counter);
    }
    return sum;
  }

  private static void ensureBefore(Instant deadline, String what) {
    if (Instant.now().isAfter(deadline)) {
      throw new IllegalStateException("timed out waiting for " + what);
    }
  }
}

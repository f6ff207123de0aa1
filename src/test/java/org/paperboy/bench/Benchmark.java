package org.paperboy.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prints Paperboy's figures: the maintainers' commands' start-up beside feed2toot, corpus
 * throughput beside feedparser and a bare XML parse, the dashboard's queue page with 1,000 queued
 * posts, one poll cycle over 1,000 feeds on H2 and PostgreSQL with one node and two, and how the
 * cycle grows from 100 to 5,000 feeds. Run it with {@code mvn -B -q -Pbench verify}; logs go to
 * target/bench. With {@code --startup-only} it stops after the start-up figures, with {@code
 * --corpus-only} after the throughput figures; {@code --dashboard-only} prints only the
 * dashboard's; {@code --cycles h2:1:1000,…} runs only those cycles (store:nodes:feeds).
 */
public final class Benchmark {

  /** Each cycle as store:nodes:feeds. */
  private static final List<String> DEFAULT_CYCLES =
      List.of("h2:1:1000", "postgresql:1:1000", "postgresql:2:1000", "h2:1:100", "h2:1:5000");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    Path logs = Path.of("target", "bench");
    System.out.printf(
        Locale.ROOT,
        "Paperboy benchmarks: %d cores, Java %s, %s%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"));

    // Maven passes -Dbench.args as one argument: "--cycles h2:1:1000" is split here.
    List<String> options =
        Arrays.stream(args).flatMap(arg -> Arrays.stream(arg.trim().split("\\s+"))).toList();
    if (options.contains("--dashboard-only")) {
      printDashboard(DashboardRender.run(logs.resolve("dashboard")));
      return;
    }
    if (!options.contains("--cycles")) {
      Startup.run(logs.resolve("startup"));
    }
    if (options.contains("--startup-only")) {
      return;
    }
    List<String> scenarios = DEFAULT_CYCLES;
    int only = options.indexOf("--cycles");
    if (only >= 0 && only + 1 < options.size()) {
      scenarios = List.of(options.get(only + 1).split(","));
    } else {
      printCorpus(new CorpusThroughput().run());
    }
    if (options.contains("--corpus-only")) {
      return;
    }
    if (only < 0) {
      printDashboard(DashboardRender.run(logs.resolve("dashboard")));
    }

    List<PollCycle.Figures> cycles = new ArrayList<>();
    System.out.printf(
        Locale.ROOT,
        "%nOne poll cycle: 70%% of feeds answer 304, 30%% publish up to 5 new papers drawn from"
            + " the fixtures%n%-10s %5s %6s %6s %11s %8s %8s %9s %10s %9s%n",
        "store",
        "nodes",
        "feeds",
        "polls",
        "new papers",
        "cycle",
        "feeds/s",
        "papers/s",
        "peak heap",
        "peak RSS");
    for (String scenario : scenarios) {
      String[] run = scenario.split(":");
      PollCycle.Store store = PollCycle.Store.valueOf(run[0].toUpperCase(Locale.ROOT));
      PollCycle.Figures cycle =
          PollCycle.run(
              store,
              Integer.parseInt(run[1]),
              Integer.parseInt(run[2]),
              logs.resolve(scenario.replace(':', '-')));
      cycles.add(cycle);
      System.out.printf(
          Locale.ROOT,
          "%-10s %5d %6d %6d %11s %7.2fs %8.0f %8.0f %6d MiB %5d MiB%n",
          store.name().toLowerCase(Locale.ROOT),
          cycle.nodes(),
          cycle.feeds(),
          cycle.polls(),
          cycle.papers() + "/" + cycle.expectedPapers(),
          cycle.seconds(),
          cycle.feedsPerSecond(),
          cycle.papersPerSecond(),
          cycle.peakHeapMiB(),
          cycle.peakRssMiB());
    }
    printGrowth(cycles);
  }

  private static void printDashboard(DashboardRender.Figures dashboard) {
    System.out.printf(
        Locale.ROOT,
        "%nDashboard: the queue page with %,d queued posts (%,d KB of HTML), request to last byte"
            + " over loopback%n  median %.1f ms, 90th percentile %.1f ms, over %d renders after"
            + " %d to warm up%n",
        dashboard.posts(),
        dashboard.bytes() / 1000,
        dashboard.medianMillis(),
        dashboard.p90Millis(),
        dashboard.renders(),
        dashboard.renders());
  }

  private static void printCorpus(CorpusThroughput.Figures corpus) {
    System.out.printf(
        Locale.ROOT,
        "Parse, summarise and compose: %d fixture feeds, %.2f MB, %d entries per pass;"
            + " %d of %d posts exact by twitter-text's count%n",
        corpus.files(),
        corpus.bytes() / 1e6,
        corpus.entries(),
        corpus.exact(),
        corpus.entries());
    List<CorpusThroughput.Rate> rates =
        new ArrayList<>(List.of(corpus.paperboy(), corpus.paperboyOnAllCores(), corpus.bareXml()));
    if (corpus.feedparser() != null) {
      rates.add(corpus.feedparser());
    }
    for (CorpusThroughput.Rate rate : rates) {
      System.out.printf(
          Locale.ROOT,
          "  %-36s %9.0f entries/s %7.2f MB/s%n",
          rate.who(),
          rate.entriesPerSecond(),
          rate.megabytesPerSecond());
    }
    if (corpus.feedparser() == null) {
      System.out.println(
          "  feedparser: not run; install Debian's python3-feedparser to compare with it");
      return;
    }
    double feedparser = corpus.feedparser().entriesPerSecond();
    System.out.printf(
        Locale.ROOT,
        "  paperboy end to end: %.1f× feedparser's entries/s on 1 thread, %.1f× on %s;"
            + " %.3f× a bare XML parse of the same feeds' bytes%n",
        corpus.paperboy().entriesPerSecond() / feedparser,
        corpus.paperboyOnAllCores().entriesPerSecond() / feedparser,
        corpus.paperboyOnAllCores().who().replace("paperboy, ", ""),
        corpus.paperboy().megabytesPerSecond() / corpus.bareXml().megabytesPerSecond());
  }

  /** The cycle's growth with the number of feeds, on H2 with one node. */
  private static void printGrowth(List<PollCycle.Figures> cycles) {
    List<PollCycle.Figures> h2 =
        cycles.stream()
            .filter(c -> c.store() == PollCycle.Store.H2 && c.nodes() == 1)
            .sorted(Comparator.comparingInt(PollCycle.Figures::feeds))
            .toList();
    StringBuilder line = new StringBuilder("\nGrowth on H2, one node:");
    for (PollCycle.Figures cycle : h2) {
      line.append(
          String.format(
              Locale.ROOT,
              " %d feeds %.2fs (%.2f ms a feed);",
              cycle.feeds(),
              cycle.seconds(),
              cycle.seconds() * 1000 / cycle.feeds()));
    }
    System.out.println(line.substring(0, line.length() - 1));
  }
}

package org.paperboy.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.store.FeedOverview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paperboy feeds}: each feed's standing. */
@Command(
    name = "feeds",
    mixinStandardHelpOptions = true,
    header = "Lists each feed's last poll, status or error, papers seen and next poll.",
    description = {
      "A feed failing in a row, or with nothing new for longer than its stale-after, is flagged."
    })
final class FeedsCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  private final ConfigLoader loader;
  private final EngineFactory engines;
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;

  FeedsCommand(
      ConfigLoader loader, EngineFactory engines, Clock clock, PrintStream out, PrintStream err) {
    this.loader = loader;
    this.engines = engines;
    this.clock = clock;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return config.withMaintenance(
        loader,
        engines,
        err,
        (valid, maintenance) -> {
          int code = print(valid, maintenance.feeds());
          Budgets.print(valid, maintenance, clock.instant(), out);
          maintenance
              .needingALook()
              .forEach(
                  (account, count) ->
                      out.println(
                          "NEEDS A LOOK: account "
                              + account
                              + " has "
                              + count
                              + (count == 1 ? " post" : " posts")
                              + " that may be on its platform, retries spent; see paperboy queue"
                              + " list --state unknown"));
          return code;
        });
  }

  private int print(PaperboyConfig valid, List<FeedOverview> overview) {
    Map<String, FeedOverview> known = new LinkedHashMap<>();
    overview.forEach(f -> known.put(f.id(), f));
    Instant now = clock.instant();
    for (FeedConfig feed : valid.feeds().values()) {
      FeedOverview state = known.remove(feed.id());
      out.println(feed.id() + "  " + feed.url());
      if (state == null || state.lastPolledAt() == null) {
        out.println("    never polled");
        continue;
      }
      out.println(
          "    last poll "
              + Ago.relative(state.lastPolledAt(), now)
              + ": "
              + (state.lastError() != null ? "failed: " + state.lastError() : state.lastStatus()));
      out.println(
          "    papers seen "
              + state.papersSeen()
              + ", last new "
              + Ago.relative(state.lastNewAt(), now)
              + ", next poll "
              + next(feed, later(state.nextFireAt(), state.nextPollAt()), now));
      if (state.errorCount() > 0) {
        out.println("    FAILING: " + state.errorCount() + " polls in a row");
      }
      if (state.lastNewAt() != null
          && Duration.between(state.lastNewAt(), now).compareTo(feed.staleAfter()) > 0) {
        out.println(
            "    STALE: nothing new for "
                + Ago.span(Duration.between(state.lastNewAt(), now))
                + " (stale-after "
                + Ago.span(feed.staleAfter())
                + "); has the feed moved to a new URL?");
      }
    }
    for (FeedOverview gone : known.values()) {
      out.println(gone.id() + "  " + gone.url() + "\n    no longer in " + config.file);
    }
    return ExitCodes.OK;
  }

  private static String next(FeedConfig feed, Instant at, Instant now) {
    return at == null
        ? "when the service runs (" + feed.schedule().describe() + ")"
        : Ago.relative(at, now);
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}

package org.paperboy.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.paperboy.config.ConfigLoader;
import org.paperboy.operate.Ago;
import org.paperboy.operate.FeedStanding;
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
        (valid, operations) -> {
          Instant now = clock.instant();
          List<FeedStanding> feeds = operations.feeds();
          feeds.forEach(feed -> print(feed, now));
          Budgets.print(operations, out);
          operations
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
          return ExitCodes.OK;
        });
  }

  private void print(FeedStanding feed, Instant now) {
    out.println(feed.id() + "  " + feed.url());
    if (!feed.configured()) {
      out.println("    no longer in " + config.file);
      return;
    }
    if (feed.state() == null) {
      out.println("    never polled");
      return;
    }
    out.println(
        "    last poll "
            + Ago.relative(feed.state().lastPolledAt(), now)
            + ": "
            + feed.lastPollWords());
    out.println(
        "    papers seen "
            + feed.state().papersSeen()
            + ", last new "
            + Ago.relative(feed.state().lastNewAt(), now)
            + ", next poll "
            + (feed.nextPoll() == null
                ? "when the service runs (" + feed.schedule() + ")"
                : Ago.relative(feed.nextPoll(), now)));
    if (feed.failing()) {
      out.println("    FAILING: " + feed.failuresInARow() + " polls in a row");
    }
    if (feed.stale()) {
      out.println(
          "    STALE: nothing new for "
              + Ago.span(feed.staleFor())
              + " (stale-after "
              + Ago.span(feed.staleAfter())
              + "); has the feed moved to a new URL?");
    }
  }
}

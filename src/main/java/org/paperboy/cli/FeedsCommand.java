package org.paperboy.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.paperboy.config.ConfigLoader;
import org.paperboy.operate.Ago;
import org.paperboy.operate.EntryFate;
import org.paperboy.operate.FeedStanding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperboy feeds}: each feed's standing. */
@Command(
    name = "feeds",
    mixinStandardHelpOptions = true,
    header = "Lists each feed's last poll, status or error, papers seen and next poll.",
    description = {
      "A feed failing in a row, or with nothing new for longer than its stale-after, is flagged.",
      "With --feed, also its latest entries and what became of each."
    })
final class FeedsCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Option(
      names = "--feed",
      paramLabel = "ID",
      description = "Only this feed, with its latest entries and what became of each.")
  String feedId;

  @Option(
      names = "--entries",
      paramLabel = "N",
      description = "With --feed: how many of its latest entries (default: ${DEFAULT-VALUE}).")
  int entries = 20;

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
    if (entries < 1) {
      err.println("paperboy: --entries must be at least 1, found " + entries);
      return ExitCodes.USAGE_OR_CONFIG;
    }
    return config.withMaintenance(
        loader,
        engines,
        err,
        (valid, operations) -> {
          Instant now = clock.instant();
          List<FeedStanding> feeds = operations.feeds();
          if (feedId != null) {
            FeedStanding feed =
                feeds.stream().filter(f -> f.id().equals(feedId)).findFirst().orElse(null);
            if (feed == null) {
              err.println(
                  "paperboy: no feed "
                      + feedId
                      + " in "
                      + config.file
                      + " or the database; feeds: "
                      + feeds.stream().map(FeedStanding::id).toList());
              return ExitCodes.USAGE_OR_CONFIG;
            }
            print(feed, now);
            printEntries(operations.entries(feedId, entries), now);
            return ExitCodes.OK;
          }
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

  private void printEntries(List<EntryFate> fates, Instant now) {
    out.println("    latest entries, newest first:");
    if (fates.isEmpty()) {
      out.println("    (none recorded yet)");
    }
    for (EntryFate fate : fates) {
      out.println("    " + Ago.relative(fate.seenAt(), now) + "  " + fate.title());
      for (EntryFate.Fate account : fate.fates()) {
        out.println(
            "        "
                + account.accountId()
                + ": "
                + account.words()
                + (account.postId() != null ? "  (post " + account.postId() + ")" : "")
                + (account.postUrl() != null ? "  " + account.postUrl() : ""));
      }
    }
  }
}

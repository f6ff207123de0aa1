package org.paperboy.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.pipeline.DispatchReport;
import org.paperboy.pipeline.PollReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paperboy once}: one cycle, then exit. */
@Command(
    name = "once",
    mixinStandardHelpOptions = true,
    header = "Runs one cycle: polls every feed, queues what is new and posts what pacing allows.",
    description = {
      "Exits when the cycle is done: 0 when all went well, 1 when a feed or a post failed,",
      "2 on a config error."
    })
final class OnceCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  private final ConfigLoader loader;
  private final EngineFactory engines;
  private final PrintStream err;

  OnceCommand(ConfigLoader loader, EngineFactory engines, PrintStream err) {
    this.loader = loader;
    this.engines = engines;
    this.err = err;
  }

  @Override
  public Integer call() {
    PaperboyConfig valid = config.load(loader, err).orElse(null);
    if (valid == null) {
      return ExitCodes.USAGE_OR_CONFIG;
    }
    try (Engine engine = engines.open(valid)) {
      Engine.Cycle cycle = engine.once();
      for (PollReport poll : cycle.polls()) {
        if (poll.failed()) {
          err.println("paperboy: feed " + poll.feedId() + ": " + poll.error());
        }
      }
      for (DispatchReport dispatch : cycle.dispatches()) {
        if (dispatch.problem() != null) {
          err.println("paperboy: " + dispatch.problem());
        }
      }
      long failedFeeds = cycle.polls().stream().filter(PollReport::failed).count();
      int queued = cycle.polls().stream().mapToInt(PollReport::queued).sum();
      int posted = cycle.dispatches().stream().mapToInt(DispatchReport::posted).sum();
      int failedPosts = cycle.dispatches().stream().mapToInt(DispatchReport::failed).sum();
      long stuckAccounts = cycle.dispatches().stream().filter(d -> d.problem() != null).count();
      err.println(
          "paperboy: polled "
              + cycle.polls().size()
              + " feeds ("
              + failedFeeds
              + " failed), queued "
              + queued
              + ", posted "
              + posted
              + (failedPosts > 0 ? ", " + failedPosts + " posts failed" : "")
              + (stuckAccounts > 0 ? ", " + stuckAccounts + " accounts could not post" : ""));
      boolean trouble = failedFeeds > 0 || failedPosts > 0 || stuckAccounts > 0;
      return trouble ? ExitCodes.RUNTIME_FAILURE : ExitCodes.OK;
    } catch (IllegalStateException e) {
      err.println("paperboy: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILURE;
    }
  }
}

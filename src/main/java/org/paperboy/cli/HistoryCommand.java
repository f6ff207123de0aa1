package org.paperboy.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.paperboy.config.ConfigLoader;
import org.paperboy.model.PostRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperboy history}: the posts made, with a link to each. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    header = "Lists the posts made, newest first, with a link to each.")
final class HistoryCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Option(names = "--account", paramLabel = "ID", description = "Only this account's posts.")
  String account;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "Only posts of the last DURATION, such as 24h or 7d.",
      converter = SinceConverter.class)
  Duration since;

  private final ConfigLoader loader;
  private final EngineFactory engines;
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;

  HistoryCommand(
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
          List<PostRecord> posts =
              operations.history(account, since == null ? null : clock.instant().minus(since));
          for (PostRecord post : posts) {
            String link =
                post.remoteId() == null
                    ? "(already on the account; its id is not known)"
                    : post.url() != null ? post.url() : post.remoteId();
            out.println(
                post.postedAt()
                    + "  "
                    + post.accountId()
                    + (post.part() > 0 ? "  reply  " : "  ")
                    + link);
            out.println("    " + post.text().replace("\n", " "));
          }
          err.println("paperboy: " + posts.size() + (posts.size() == 1 ? " post" : " posts"));
          Budgets.print(operations, out);
          return ExitCodes.OK;
        });
  }
}

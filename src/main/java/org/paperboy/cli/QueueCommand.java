package org.paperboy.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.paperboy.config.ConfigLoader;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperboy queue}: the posts waiting, and what maintainers do with them. */
@Command(
    name = "queue",
    mixinStandardHelpOptions = true,
    header = "Lists, approves, drops and retries queued posts.",
    description = "Works while the service runs, on the embedded database too.",
    synopsisSubcommandLabel = "(list | approve | drop | retry)")
final class QueueCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("paperboy: say list, approve, drop or retry; see paperboy queue --help");
    return ExitCodes.USAGE_OR_CONFIG;
  }

  /** The parts every queue subcommand shares: the config, the database, the streams. */
  record Context(
      ConfigLoader loader, EngineFactory engines, Clock clock, PrintStream out, PrintStream err) {

    int withMaintenance(ConfigOption config, Function<Maintenance, Integer> work) {
      return config.withMaintenance(
          loader, engines, err, (valid, maintenance) -> work.apply(maintenance));
    }

    /** Runs a change to one post; {@code done} says what happened, or empty when nothing did. */
    int change(
        ConfigOption config, Function<Maintenance, Optional<String>> change, String nothing) {
      return withMaintenance(
          config,
          maintenance -> {
            Optional<String> done = change.apply(maintenance);
            if (done.isEmpty()) {
              err.println("paperboy: " + nothing);
              return ExitCodes.RUNTIME_FAILURE;
            }
            out.println(done.get());
            return ExitCodes.OK;
          });
    }
  }

  static CommandLine commandLine(Context context) {
    return new CommandLine(new QueueCommand())
        .addSubcommand(new ListCommand(context))
        .addSubcommand(new ApproveCommand(context))
        .addSubcommand(new DropCommand(context))
        .addSubcommand(new RetryCommand(context));
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the queue, oldest first.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(names = "--account", paramLabel = "ID", description = "Only this account's posts.")
    String account;

    @Option(
        names = "--state",
        paramLabel = "STATE",
        description = "Only posts in this state: ${COMPLETION-CANDIDATES}.",
        converter = StateConverter.class)
    OutboxState state;

    private final Context context;

    ListCommand(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return context.withMaintenance(
          config,
          maintenance -> {
            List<OutboxItem> items = maintenance.queue(account, state);
            for (OutboxItem item : items) {
              context
                  .out()
                  .println(
                      item.id()
                          + "  "
                          + item.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                          + "  "
                          + item.accountId()
                          + " from "
                          + item.feedId()
                          + (item.notBefore() != null ? "  not before " + item.notBefore() : "")
                          + (item.lastError() != null ? "  (" + item.lastError() + ")" : ""));
              context.out().println("    " + item.text().replace("\n", " "));
            }
            context
                .err()
                .println("paperboy: " + items.size() + (items.size() == 1 ? " post" : " posts"));
            return ExitCodes.OK;
          });
    }
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = "Approves held posts (accounts with approval = true); they keep their pacing.")
  static final class ApproveCommand implements Callable<Integer> {
    @Mixin ConfigOption config;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
      @Parameters(paramLabel = "ID", description = "The post to approve.")
      Long id;

      @Option(names = "--all", description = "Every held post (of --account, if given).")
      boolean all;
    }

    @Option(
        names = "--account",
        paramLabel = "ID",
        description = "With --all: only this account's posts.")
    String account;

    private final Context context;

    ApproveCommand(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return context.withMaintenance(
          config,
          maintenance -> {
            int approved =
                maintenance.approve(which.all ? null : which.id, which.all ? account : null);
            if (approved == 0 && !which.all) {
              context.err().println("paperboy: no post " + which.id + " is awaiting approval");
              return ExitCodes.RUNTIME_FAILURE;
            }
            context.out().println("approved " + approved + (approved == 1 ? " post" : " posts"));
            return ExitCodes.OK;
          });
    }
  }

  @Command(
      name = "drop",
      mixinStandardHelpOptions = true,
      description = "Drops a post not yet sent; retry brings it back.")
  static final class DropCommand implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "ID", description = "The post to drop.")
    long id;

    private final Context context;

    DropCommand(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return context.change(
          config,
          maintenance ->
              maintenance.drop(id) ? Optional.of("dropped post " + id) : Optional.empty(),
          "no post " + id + " is waiting to be sent");
    }
  }

  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      description =
          "Queues a failed or retrying post again at once; an unknown one is looked up first.")
  static final class RetryCommand implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "ID", description = "The post to retry.")
    long id;

    private final Context context;

    RetryCommand(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return context.change(
          config,
          maintenance ->
              maintenance.retry(id) > 0
                  ? Optional.of("queued post " + id + " again")
                  : Optional.empty(),
          "no post " + id + " has failed, is waiting to retry or has an unknown outcome");
    }
  }

  /** Reads states as maintainers write them: {@code awaiting-approval}, {@code failed}. */
  static final class StateConverter implements CommandLine.ITypeConverter<OutboxState> {
    @Override
    public OutboxState convert(String value) {
      try {
        return OutboxState.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "expected one of "
                + Arrays.stream(OutboxState.values()).map(OutboxState::written).toList()
                + ", found "
                + value);
      }
    }
  }
}

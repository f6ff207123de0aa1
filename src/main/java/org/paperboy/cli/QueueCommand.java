package org.paperboy.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.paperboy.config.ConfigLoader;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.operate.Ago;
import org.paperboy.operate.Operations;
import org.paperboy.operate.QueuedPost;
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
    header = "Lists, approves, edits, drops and retries queued posts.",
    description = "Works while the service runs, on the embedded database too.",
    synopsisSubcommandLabel = "(list | approve | edit | drop | retry)")
final class QueueCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("paperboy: say list, approve, edit, drop or retry; see paperboy queue --help");
    return ExitCodes.USAGE_OR_CONFIG;
  }

  /** The parts every queue subcommand shares: the config, the database, the streams. */
  record Context(
      ConfigLoader loader, EngineFactory engines, Clock clock, PrintStream out, PrintStream err) {

    int withMaintenance(ConfigOption config, Function<Operations, Integer> work) {
      return config.withMaintenance(
          loader, engines, err, (valid, operations) -> work.apply(operations));
    }

    /** Runs a change to one post; {@code done} says what happened, or empty when nothing did. */
    int change(ConfigOption config, Function<Operations, Optional<String>> change, String nothing) {
      return withMaintenance(
          config,
          operations -> {
            Optional<String> done = change.apply(operations);
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
        .addSubcommand(new QueueEditCommand(context))
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
          operations -> {
            List<QueuedPost> posts = operations.queue(account, state);
            Instant now = context.clock().instant();
            for (QueuedPost post : posts) {
              OutboxItem item = post.item();
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
                          + (post.due() != null ? "  due " + Ago.relative(post.due(), now) : "")
                          + (post.editedBy() != null ? "  edited by " + post.editedBy() : "")
                          + (item.lastError() != null ? "  (" + item.lastError() + ")" : ""));
              context.out().println("    " + item.text().replace("\n", " ") + lengths(post, false));
              if (item.replyText() != null) {
                context
                    .out()
                    .println(
                        "    reply: " + item.replyText().replace("\n", " ") + lengths(post, true));
              }
            }
            context
                .err()
                .println("paperboy: " + posts.size() + (posts.size() == 1 ? " post" : " posts"));
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
          operations -> {
            int approved =
                operations.approve(which.all ? null : which.id, which.all ? account : null);
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
          operations -> operations.drop(id) ? Optional.of("dropped post " + id) : Optional.empty(),
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
          operations ->
              operations.retry(id) > 0
                  ? Optional.of("queued post " + id + " again")
                  : Optional.empty(),
          "no post " + id + " has failed, is waiting to retry or has an unknown outcome");
    }
  }

  /** " (245/280)": a text's length and its platform's limit; nothing when it has no account. */
  private static String lengths(QueuedPost post, boolean reply) {
    if (post.limit() == 0) {
      return "";
    }
    return "  (" + (reply ? post.replyLength() : post.length()) + "/" + post.limit() + ")";
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

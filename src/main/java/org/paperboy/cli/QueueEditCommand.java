package org.paperboy.cli;

import java.util.concurrent.Callable;
import org.paperboy.operate.Edit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperboy queue edit}: a post's text, as a maintainer would have it. */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description = {
      "Replaces the text of a post not yet posted, checked by its platform's own count.",
      "A failed post may be edited too. It is posted as edited, and a config reload no longer",
      "rewrites it.",
      "A post whose outcome is unknown is never edited: it may be on the platform as it is."
    })
final class QueueEditCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Parameters(paramLabel = "ID", description = "The post to edit.")
  long id;

  @Option(
      names = "--text",
      required = true,
      paramLabel = "TEXT",
      description = "Its new text; \\n in a shell's $'…' makes a line break.")
  String text;

  @Option(
      names = "--reply",
      paramLabel = "TEXT",
      description = "A threaded post's reply, new too; without it the reply stays.")
  String reply;

  private final QueueCommand.Context context;

  QueueEditCommand(QueueCommand.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return context.withMaintenance(
        config,
        operations -> {
          Edit edit = operations.edit(id, text, reply, "the command line");
          if (!edit.saved()) {
            context.err().println("paperboy: " + edit.message());
            return ExitCodes.RUNTIME_FAILURE;
          }
          context.out().println(edit.message());
          return ExitCodes.OK;
        });
  }
}

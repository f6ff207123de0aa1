package org.paperboy.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.paperboy.config.ConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code paperboy} command and its subcommands. */
@Command(
    name = "paperboy",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = "Announces new research papers from journal and preprint feeds.",
    synopsisSubcommandLabel = "COMMAND")
public final class Cli implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(Cli.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Cli() {}

  @Override
  public Integer call() {
    CommandLine line = spec.commandLine();
    line.getErr().println("paperboy: a command is required; see paperboy --help");
    line.usage(line.getErr());
    return ExitCodes.USAGE_OR_CONFIG;
  }

  /**
   * Runs the command line {@code args}, wired to {@code loader} and {@code engines}, and returns
   * its exit code. Only the command {@code args} name is built: picocli reads each command's
   * annotations when it is added, which a one-second command need not pay for eight times.
   *
   * @param version the version {@code --version} prints
   * @param clock the time "3h ago" and {@code --since} count from
   */
  public static int run(
      String[] args,
      ConfigLoader loader,
      EngineFactory engines,
      String version,
      Clock clock,
      PrintStream out,
      PrintStream err) {
    Map<String, Supplier<Object>> commands = commands(loader, engines, clock, out, err);
    Supplier<Object> named = args.length == 0 ? null : commands.get(args[0]);
    return commandLine(named == null ? commands.values() : List.of(named), version, out, err)
        .execute(args);
  }

  /** The command line with every command, wired as {@link #run} wires it. */
  static CommandLine commandLine(
      ConfigLoader loader,
      EngineFactory engines,
      String version,
      Clock clock,
      PrintStream out,
      PrintStream err) {
    return commandLine(commands(loader, engines, clock, out, err).values(), version, out, err);
  }

  /** Each command by the name it is typed as, not yet built. */
  static Map<String, Supplier<Object>> commands(
      ConfigLoader loader, EngineFactory engines, Clock clock, PrintStream out, PrintStream err) {
    boolean terminal = System.console() != null;
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("run", () -> new RunCommand(loader, engines, err));
    commands.put("once", () -> new OnceCommand(loader, engines, err));
    commands.put("validate", () -> new ValidateCommand(loader, out, err));
    commands.put("preview", () -> new PreviewCommand(loader, engines, out, err, terminal));
    commands.put("feeds", () -> new FeedsCommand(loader, engines, clock, out, err));
    commands.put(
        "queue",
        () -> QueueCommand.commandLine(new QueueCommand.Context(loader, engines, clock, out, err)));
    commands.put("history", () -> new HistoryCommand(loader, engines, clock, out, err));
    commands.put("import-opml", () -> new ImportOpmlCommand(loader, out, err, terminal));
    return commands;
  }

  private static CommandLine commandLine(
      Collection<Supplier<Object>> commands, String version, PrintStream out, PrintStream err) {
    CommandLine line = new CommandLine(new Cli(), new Version.Factory(version));
    commands.forEach(command -> line.addSubcommand(command.get()));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    line.setExecutionExceptionHandler(
        (e, failed, parsed) -> {
          // A bug, not a user's mistake: keep the stack trace for the report.
          log.error("paperboy {} failed unexpectedly", failed.getCommandName(), e);
          failed.getErr().println("paperboy: unexpected failure: " + e);
          return ExitCodes.RUNTIME_FAILURE;
        });
    return line;
  }

  /** Prints Paperboy's version. */
  static final class Version implements CommandLine.IVersionProvider {
    private final String version;

    Version(String version) {
      this.version = version;
    }

    @Override
    public String[] getVersion() {
      return new String[] {"paperboy " + version};
    }

    /** Makes the version provider with the build's version; everything else as picocli does. */
    record Factory(String version) implements CommandLine.IFactory {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == Version.class) {
          return type.cast(new Version(version));
        }
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}

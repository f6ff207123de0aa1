package org.paperboy.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.paperboy.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code paperboy} command and its subcommands. */
@Command(
    name = "paperboy",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = "Announces new research papers from journal and preprint feeds.",
    synopsisSubcommandLabel = "COMMAND")
public final class Cli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Cli() {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is required: run, once or validate");
  }

  /**
   * The command line, wired to {@code loader} and {@code engines}.
   *
   * @param version the version {@code --version} prints
   */
  public static CommandLine commandLine(
      ConfigLoader loader,
      EngineFactory engines,
      String version,
      PrintStream out,
      PrintStream err) {
    CommandLine line =
        new CommandLine(new Cli(), new Version.Factory(version))
            .addSubcommand(new RunCommand(loader, engines, err))
            .addSubcommand(new OnceCommand(loader, engines, err))
            .addSubcommand(new ValidateCommand(loader, out, err));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    line.setExitCodeExceptionMapper(e -> ExitCodes.RUNTIME_FAILURE);
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

package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.operate.Operations;
import org.paperboy.testing.TestPaperboy;
import picocli.CommandLine;

class CliTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    EngineFactory noDatabase =
        new EngineFactory() {
          @Override
          public Engine open(PaperboyConfig config) {
            throw new IllegalStateException("cannot open the database " + config.database().url());
          }

          @Override
          public Operations maintain(PaperboyConfig config) {
            throw new IllegalStateException("cannot open the database " + config.database().url());
          }
        };
    return Cli.run(
        args,
        TestPaperboy.loader(Map.of()),
        noDatabase,
        "1.2.3",
        Clock.systemUTC(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void eachCommandIsBuiltByTheNameItIsTypedAs() {
    // paperboy builds only the command its first argument names, looked up by these names.
    Map<String, Supplier<Object>> commands =
        Cli.commands(
            TestPaperboy.loader(Map.of()), null, Clock.systemUTC(), System.out, System.err);
    for (Map.Entry<String, Supplier<Object>> command : commands.entrySet()) {
      Object built = command.getValue().get();
      CommandLine line = built instanceof CommandLine given ? given : new CommandLine(built);
      assertThat(line.getCommandName()).isEqualTo(command.getKey());
    }
    assertThat(
            Cli.commandLine(
                    TestPaperboy.loader(Map.of()),
                    null,
                    "1",
                    Clock.systemUTC(),
                    System.out,
                    System.err)
                .getSubcommands())
        .containsOnlyKeys(commands.keySet());
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void validateSaysWhatAValidConfigHolds() throws Exception {
    Path config = dir.resolve("ok.conf");
    Files.writeString(
        config,
        "paperboy.accounts.demo { platform = console }\n"
            + "paperboy.feeds.a { url = \"file:a.xml\", account = demo }\n");

    assertThat(run("validate", "--config", config.toString())).isZero();
    assertThat(stdout()).isEqualTo(config + ": valid: 1 account, 1 feed\n");
  }

  @Test
  void validateListsEveryProblemAndExitsTwo() throws Exception {
    Path config = dir.resolve("bad.conf");
    Files.writeString(
        config, "paperboy.feeds.a { url = \"file:a.xml\", account = nobody, backfill = -1 }\n");

    assertThat(run("validate", "--config", config.toString())).isEqualTo(2);
    assertThat(stderr())
        .contains(
            config
                + ":1: paperboy.feeds.a.account: names a missing account: nobody (no accounts are defined)")
        .contains(config + ":1: paperboy.feeds.a.backfill: must not be negative, found -1")
        .contains("paperboy: 2 problems in " + config + "; nothing was started");
  }

  @Test
  void onceAndRunStartNothingOnABadConfig() throws Exception {
    Path config = dir.resolve("bad.conf");
    Files.writeString(config, "paperboy.feeds.a { url = 42 }\n");

    assertThat(run("once", "--config", config.toString())).isEqualTo(2);
    assertThat(run("run", "--config", config.toString())).isEqualTo(2);
  }

  @Test
  void aDatabaseThatCannotOpenIsARuntimeFailure() throws Exception {
    Path config = dir.resolve("ok.conf");
    Files.writeString(config, "paperboy.accounts.demo { platform = console }\n");

    assertThat(run("once", "--config", config.toString())).isEqualTo(1);
    assertThat(stderr())
        .contains("paperboy: cannot open the database jdbc:h2:file:./data/paperboy");
  }

  @Test
  void everyCommandExplainsItselfWithHelp() {
    assertThat(run("--help")).isZero();
    assertThat(stdout()).contains("Announces new research papers", "run", "once", "validate");
    for (String command : new String[] {"run", "once", "validate"}) {
      out.reset();
      assertThat(run(command, "--help")).isZero();
      assertThat(stdout()).contains("Usage: paperboy " + command, "--config=FILE");
    }
    out.reset();
    assertThat(run("once", "--help")).isZero();
    assertThat(stdout()).contains("polls every feed, queues what is new");
  }

  @Test
  void theCommandListGivesEachCommandAWholeSentence() {
    assertThat(run("--help")).isZero();
    Map<String, String> summaries = summaries(stdout());
    out.reset();
    assertThat(run("queue", "--help")).isZero();
    Map<String, String> queue = summaries(stdout());

    assertThat(summaries.keySet())
        .containsExactly(
            "run", "once", "validate", "preview", "feeds", "queue", "history", "import-opml");
    assertThat(queue.keySet()).containsExactly("list", "approve", "edit", "drop", "retry");
    for (Map<String, String> list : List.of(summaries, queue)) {
      assertThat(list.values())
          .allSatisfy(
              summary ->
                  assertThat(summary)
                      .matches("\\p{Lu}[^.]*(\\.[^.]+)*\\.")
                      .doesNotEndWith(",")
                      .doesNotContain("  "));
    }
  }

  /** The commands a help text lists, each with its summary on one line. */
  private static Map<String, String> summaries(String help) {
    String commands = help.substring(help.indexOf("Commands:") + "Commands:".length());
    // A summary that runs on wraps onto lines indented deeper than the command names.
    Map<String, String> summaries = new LinkedHashMap<>();
    String last = null;
    for (String line : commands.stripTrailing().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        String[] parts = line.strip().split("\\s+", 2);
        last = parts[0];
        summaries.put(last, parts[1]);
      } else {
        summaries.merge(last, " " + line.strip(), String::concat);
      }
    }
    return summaries;
  }

  @Test
  void noCommandOrAnUnknownOneIsAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(stderr()).contains("a command is required; see paperboy --help");
    assertThat(run("publish-everything")).isEqualTo(2);
    assertThat(run("once")).isEqualTo(2);
    assertThat(stderr()).contains("Missing required option: '--config=FILE'");
  }

  @Test
  void printsItsVersion() {
    assertThat(run("--version")).isZero();
    assertThat(stdout()).isEqualTo("paperboy 1.2.3\n");
  }
}

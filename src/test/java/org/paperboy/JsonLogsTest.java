package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.Fixtures;

/** paperboy.log.format = json, as a log collector reads it: one JSON object per line. */
class JsonLogsTest {

  @TempDir Path dir;

  @Test
  void eachEventIsOneJsonObjectWithTheFeedAsAField() throws Exception {
    Path feed = dir.resolve("plos.xml");
    Files.write(feed, Fixtures.feedBytes("med_plos_ploscompbiol_atom_2025-04_reserialized.xml"));
    Path config = dir.resolve("json.conf");
    Files.writeString(
        config,
        """
        paperboy.database.url = "jdbc:h2:file:%s"
        paperboy.log.format = json
        paperboy.accounts.demo { platform = console, min-spacing = 0s }
        paperboy.feeds.plos { url = "file:plos.xml", account = demo, backfill = 1 }
        """
            .formatted(dir.resolve("db")));
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.paperboy.Paperboy",
                "once",
                "--config",
                config.toString())
            .redirectError(dir.resolve("stderr").toFile())
            .redirectOutput(dir.resolve("stdout").toFile())
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("stderr"))) {
      if (line.startsWith("{")) {
        events.add(new ObjectMapper().readTree(line));
      }
    }
    assertThat(events)
        .anySatisfy(
            event -> {
              assertThat(event.path("level").asText()).isEqualTo("INFO");
              assertThat(event.path("formattedMessage").asText())
                  .isEqualTo("feed plos: 4 entries, 4 new, 1 queued");
              assertThat(event.path("mdc").path("feed").asText()).isEqualTo("plos");
            })
        .anySatisfy(
            event -> assertThat(event.path("mdc").path("account").asText()).isEqualTo("demo"));
    assertThat(Files.readString(dir.resolve("stdout"))).contains("── demo · from plos ──");
  }
}

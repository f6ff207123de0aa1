package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.TestConfig;

/**
 * One entry that cannot be posted never stops the others: its feed's other entries are posted,
 * {@code once} goes on to the feeds after it, and one log line names the entry and why.
 */
class EntryFaultsTest {

  private static final String JOURNAL = "The Journal of " + "Very Long Names ".repeat(20);

  @TempDir Path dir;
  private FeedServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    server = new FeedServer();
    server.serve(
        "/mixed.xml",
        """
        <?xml version="1.0"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Mixed</title>
        <item><title>A trial of early care</title><link>https://example.org/a</link>
          <guid>a</guid><pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>
        <item><title>A paper whose journal will not fit</title><link>https://example.org/b</link>
          <guid>b</guid><dc:source>%s</dc:source><pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate></item>
        <item><title>A cohort of junior doctors</title><link>https://example.org/c</link>
          <guid>c</guid><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>
        </channel></rss>
        """
            .formatted(JOURNAL)
            .getBytes(StandardCharsets.UTF_8),
        "application/rss+xml");
    server.serveFixture("/after.xml", "med_plos_ploscompbiol_atom_2025-04_reserialized.xml");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anEntryThatCannotBeComposedIsLeftAndTheRestOfTheCycleGoesOn() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("paperboy.conf"),
            TestConfig.h2(dir.resolve("db"))
                + """
                paperboy.accounts.demo { platform = console, min-spacing = 0s, max-per-day = 100 }
                paperboy.feeds.mixed {
                  url = "%s", account = demo, backfill = 10, template = "{journal}: {title} {link}"
                }
                paperboy.feeds.after { url = "%s", account = demo, backfill = 1 }
                """
                    .formatted(server.url("/mixed.xml"), server.url("/after.xml")));

    String logs;
    try (CapturedLogs captured = CapturedLogs.start()) {
      Paperboy.execute(
          new String[] {"once", "--config", config.toString()},
          TestConfig.ENVIRONMENT,
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      logs = captured.text();
    }

    String posted = out.toString(StandardCharsets.UTF_8);
    assertThat(posted)
        .contains("Mixed: A trial of early care https://example.org/a")
        .contains("Mixed: A cohort of junior doctors https://example.org/c")
        .doesNotContain("will not fit")
        .as("the feed after it is polled and posted")
        .contains("Dynamic brain connectivity");
    assertThat(logs.lines().filter(l -> l.contains("feed mixed: b: ")).toList())
        .singleElement()
        .asString()
        .startsWith("WARN")
        .contains("cannot compose a post: the template's fixed parts alone are");
  }
}

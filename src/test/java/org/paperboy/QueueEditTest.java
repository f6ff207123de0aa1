package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.FakeBluesky;
import org.paperboy.testing.FakeMastodon;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.TestConfig;

/**
 * A maintainer's edit of a post, as {@code queue edit} makes it (the dashboard makes the same):
 * checked by the platform's count, posted as edited, kept through a reload.
 */
class QueueEditTest {

  private static final String EDITED =
      "Edited by hand: few active neurons bias a population code. https://doi.org/10.1371/journal.pcbi.1012969";

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeXApi x;
  private Path config;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    x = TestConfig.labX();
    feeds.serveFixture("/plos.xml", "med_plos_ploscompbiol_atom_2025-04_reserialized.xml");
    config = dir.resolve("paperboy.conf");
    writeConfig("approval = true", "");
  }

  private void writeConfig(String account, String feed) throws Exception {
    Files.writeString(
        config,
        TestConfig.h2(dir.resolve("db"))
            + TestConfig.labAccount(x, "min-spacing = 0s\n" + account)
            + "paperboy.feeds.plos { url = \"%s\", account = lab, backfill = 2 %s }\n"
                .formatted(feeds.url("/plos.xml"), feed));
  }

  @AfterEach
  void stop() {
    feeds.close();
    x.close();
  }

  private int paperboy(String... args) {
    out.reset();
    err.reset();
    String[] withConfig = new String[args.length + 2];
    System.arraycopy(args, 0, withConfig, 0, args.length);
    withConfig[args.length] = "--config";
    withConfig[args.length + 1] = config.toString();
    return Paperboy.execute(
        withConfig,
        TestConfig.ENVIRONMENT,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The id of the first post in {@code state}, as {@code queue list} prints it. */
  private String first(String state) {
    paperboy("queue", "list");
    Matcher id = Pattern.compile("^(\\d+)  " + state, Pattern.MULTILINE).matcher(stdout());
    assertThat(id.find()).as(stdout()).isTrue();
    return id.group(1);
  }

  @Test
  void anEditedPostIsPostedExactlyAsEdited() {
    paperboy("once");
    String id = first("awaiting approval");

    assertThat(paperboy("queue", "edit", id, "--text", EDITED)).as(stderr()).isZero();
    assertThat(stdout()).startsWith("saved post " + id + ": it is posted as edited");
    paperboy("queue", "list");
    assertThat(stdout())
        .contains(id + "  awaiting approval  lab from plos")
        .contains("edited by the command line")
        .contains("    " + EDITED + "  (82/280)");

    paperboy("queue", "approve", id);
    paperboy("once");

    assertThat(x.tweets()).extracting(FakeXApi.Tweet::text).containsExactly(EDITED);
  }

  @Test
  void aChangedTemplateRewritesThePostsButNotAnEditedOne() throws Exception {
    paperboy("once");
    String id = first("awaiting approval");
    paperboy("queue", "edit", id, "--text", EDITED);

    writeConfig("approval = true", ", template = \"New: {title} {link}\"");
    paperboy("once");

    paperboy("queue", "list");
    assertThat(stdout()).contains("    " + EDITED).contains("    New: ");
    assertThat(stdout().split("    New: ", -1)).hasSize(2);
  }

  @Test
  void anEditLongerThanXAllowsIsRefusedWithItsLengthAndTheLimitAndTheOldTextStays() {
    paperboy("once");
    String id = first("awaiting approval");
    paperboy("queue", "list");
    String before = stdout();

    assertThat(paperboy("queue", "edit", id, "--text", "A long edit. ".repeat(25))).isEqualTo(1);

    assertThat(stderr())
        .isEqualTo(
            "paperboy: the post is 325 long and X allows 280 by its count; post "
                + id
                + " keeps its text\n");
    paperboy("queue", "list");
    assertThat(stdout()).isEqualTo(before);
    // X counts a link as 23 and an emoji as 2, whatever their length: this fits.
    String weighted =
        "🧠".repeat(100) + " https://doi.org/10.1371/journal.pcbi.1012969?" + "x".repeat(200);
    assertThat(paperboy("queue", "edit", id, "--text", weighted)).as(stderr()).isZero();
  }

  @Test
  void aPostWhoseOutcomeIsUnknownIsNeverEdited() throws Exception {
    writeConfig("", "");
    x.thenAnswer(FakeXApi.Answer.DROPPED);
    paperboy("once");
    String id = first("unknown");

    assertThat(paperboy("queue", "edit", id, "--text", EDITED)).isEqualTo(1);

    assertThat(stderr())
        .startsWith("paperboy: post " + id + "'s outcome is unknown: it may be on the platform");
  }

  @Test
  void feedsShowsWhatBecameOfEachOfAFeedsEntries() {
    paperboy("once");

    assertThat(paperboy("feeds", "--feed", "plos")).as(stderr()).isZero();

    assertThat(stdout())
        .startsWith("plos  " + feeds.url("/plos.xml") + "\n    last poll ")
        .contains("    latest entries, newest first:\n")
        .contains("        lab: awaiting approval  (post ")
        .contains(
            "        lab: first poll: older than the newest 2 (backfill), recorded as seen\n");
    assertThat(stdout().split("lab: awaiting approval", -1)).hasSize(3);
    assertThat(paperboy("feeds", "--feed", "nejm")).isEqualTo(2);
    assertThat(stderr()).contains("no feed nejm");
  }

  @Test
  void feedsSaysWhyAnEntryCouldNotBePostedForAnAccount() throws Exception {
    String words = "fixed words ".repeat(25).strip();
    try (FakeMastodon mastodon = TestConfig.labMastodon()) {
      Files.writeString(
          config,
          TestConfig.h2(dir.resolve("db"))
              + TestConfig.labAccount(x, "min-spacing = 0s")
              + TestConfig.mastodonAccount("lab-mastodon", mastodon, "")
              + """
              paperboy.feeds.plos {
                url = "%1$s", accounts = [lab, lab-mastodon], backfill = 2
                template = "{title} {link} %2$s"
              }
              paperboy.feeds.again {
                url = "%1$s", account = lab, backfill = 1, template = "{title} {link} %2$s"
              }
              """
                  .formatted(feeds.url("/plos.xml"), words));
      paperboy("once");

      // X cannot take the template's 300 fixed characters; Mastodon can: X's reason stays.
      assertThat(paperboy("feeds", "--feed", "plos")).as(stderr()).isZero();
      assertThat(stdout())
          .contains("        lab: cannot compose a post: the template's fixed parts alone are ")
          .doesNotContain("tried again at each poll");
      assertThat(stdout().split("        lab-mastodon: (posted|queued)", -1)).hasSize(3);
      // No account could take it: it is not recorded as seen, and each poll tries it again.
      assertThat(paperboy("feeds", "--feed", "again")).as(stderr()).isZero();
      assertThat(stdout())
          .containsPattern(
              "        lab: cannot compose a post: the template's fixed parts alone are [^\\n]*;"
                  + " tried again at each poll\n");
    }
  }

  @Test
  void anEditIsCountedByItsAccountsOwnPlatform() throws Exception {
    try (FakeMastodon mastodon = TestConfig.labMastodon();
        FakeBluesky bluesky = TestConfig.labBluesky()) {
      Files.writeString(
          config,
          TestConfig.h2(dir.resolve("db"))
              + TestConfig.mastodonAccount("lab-mastodon", mastodon, "approval = true")
              + TestConfig.blueskyAccount("lab-bluesky", bluesky, "approval = true")
              + "paperboy.feeds.plos { url = \"%s\", accounts = [lab-mastodon, lab-bluesky],"
                  .formatted(feeds.url("/plos.xml"))
              + " backfill = 1 }\n");
      paperboy("once");
      paperboy("queue", "list", "--account", "lab-mastodon");
      String toot = stdout().substring(0, stdout().indexOf(' '));
      paperboy("queue", "list", "--account", "lab-bluesky");
      String skeet = stdout().substring(0, stdout().indexOf(' '));

      // Mastodon counts characters, up to the instance's 500.
      assertThat(paperboy("queue", "edit", toot, "--text", "a".repeat(501))).isEqualTo(1);
      assertThat(stderr())
          .startsWith(
              "paperboy: the post is 501 long and its Mastodon instance allows 500 by its count");
      assertThat(paperboy("queue", "edit", toot, "--text", "a".repeat(500))).isZero();
      // Bluesky counts graphemes, up to 300: an emoji is one (X would count it as two).
      assertThat(paperboy("queue", "edit", skeet, "--text", "🧠".repeat(301))).isEqualTo(1);
      assertThat(stderr())
          .startsWith("paperboy: the post is 301 long and Bluesky allows 300 by its count");
      assertThat(paperboy("queue", "edit", skeet, "--text", "🧠".repeat(300))).isZero();
    }
  }
}

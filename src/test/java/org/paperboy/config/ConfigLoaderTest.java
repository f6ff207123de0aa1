package org.paperboy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.model.HashtagRule;
import org.paperboy.model.Notice;
import org.paperboy.model.Person;
import org.paperboy.testing.TestPaperboy;

class ConfigLoaderTest {

  private static final Map<String, String> ENV =
      Map.of(
          "X_LAB_CONSUMER_KEY", "ck",
          "X_LAB_CONSUMER_SECRET", "cs-secret-value",
          "X_LAB_ACCESS_TOKEN", "at",
          "X_LAB_ACCESS_TOKEN_SECRET", "ats-secret-value");

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static final String LAB_ACCOUNT =
      """
      paperboy.accounts.lab {
        platform = x
        consumer-key = ${X_LAB_CONSUMER_KEY}
        consumer-secret = ${X_LAB_CONSUMER_SECRET}
        access-token = ${X_LAB_ACCESS_TOKEN}
        access-token-secret = ${X_LAB_ACCESS_TOKEN_SECRET}
        min-spacing = 10m
        max-per-day = 12
      }
      """;

  @Test
  void loadsAccountsAndFeedsWithDefaultsFromReferenceConf() throws Exception {
    Path file =
        write(
            "paperboy.conf",
            LAB_ACCOUNT
                + """
                paperboy.feeds.plos {
                  url = "https://journals.plos.org/ploscompbiol/feed/atom"
                  account = lab
                  hashtags = [MedEd, "#FOAMed"]
                }
                paperboy.feeds.nejm {
                  url = "https://example.org/nejm.rss"
                  account = lab
                  schedule = "0 0/30 * * * ?"
                  backfill = 3
                  template = "{title} {link}"
                }
                """);

    PaperboyConfig config = TestPaperboy.loader(ENV).load(file);

    AccountConfig lab = config.accounts().get("lab");
    assertThat(lab.platform()).isEqualTo(Platform.X);
    PlatformSettings.X keys = (PlatformSettings.X) lab.settings();
    assertThat(keys.apiBaseUrl()).hasToString("https://api.x.com");
    assertThat(keys.credentials().consumerSecret()).isEqualTo("cs-secret-value");
    assertThat(keys.budget()).as("no budget unless per-month is set").isNull();
    assertThat(lab.minSpacing()).isEqualTo(Duration.ofMinutes(10));
    assertThat(lab.maxPerDay()).isEqualTo(12);
    FeedConfig plos = config.feeds().get("plos");
    assertThat(plos.schedule()).isEqualTo(new Schedule.Every(Duration.ofMinutes(30)));
    assertThat(plos.hashtags()).containsExactly("#MedEd", "#FOAMed");
    assertThat(plos.template()).isEqualTo("{title}\n{summary} {link} {hashtags}");
    assertThat(plos.backfill()).isZero();
    FeedConfig nejm = config.feeds().get("nejm");
    assertThat(nejm.schedule()).isEqualTo(new Schedule.Cron("0 0/30 * * * ?"));
    assertThat(nejm.backfill()).isEqualTo(3);
    assertThat(config.database().url()).isEqualTo("jdbc:h2:file:./data/paperboy");
  }

  @Test
  void includedFilesAndRelativeFileUrlsResolveAgainstTheirOwnFolder() throws Exception {
    write(
        "feeds/local.conf",
        "paperboy.feeds.local { url = \"file:bundled/feed.xml\", account = demo }");
    Path root =
        write(
            "root.conf",
            """
            paperboy.accounts.demo { platform = console }
            include "feeds/local.conf"
            """);

    PaperboyConfig config = TestPaperboy.loader(Map.of()).load(root);

    assertThat(config.feeds().get("local").url())
        .isEqualTo(dir.resolve("feeds/bundled/feed.xml").toUri());
  }

  @Test
  void aFeedUrlMayBeAPlainFilePathAsTheReadmeSays() throws Exception {
    Path root =
        write(
            "root.conf",
            """
            paperboy.accounts.demo { platform = console }
            paperboy.feeds.relative { url = "feeds/x.xml", account = demo }
            paperboy.feeds.absolute { url = "/srv/feeds/y.xml", account = demo }
            paperboy.feeds.uri { url = "file:///srv/feeds/z.xml", account = demo }
            """);

    PaperboyConfig config = TestPaperboy.loader(Map.of()).load(root);

    assertThat(config.feeds().get("relative").url()).isEqualTo(dir.resolve("feeds/x.xml").toUri());
    assertThat(config.feeds().get("absolute").url()).isEqualTo(Path.of("/srv/feeds/y.xml").toUri());
    assertThat(config.feeds().get("uri").url()).isEqualTo(Path.of("/srv/feeds/z.xml").toUri());
  }

  @Test
  void reportsEveryProblemAtOnceWithFileLineAndKey() throws Exception {
    Path file =
        write(
            "bad.conf",
            """
            paperboy {
              accounts.lab { platform = myspace, min-spacing = soon }
              feeds.one {
                url = "ftp://example.org/feed"
                account = nobody
                schedule = "every hour"
                template = "{title} {abstract}"
                colour = blue
              }
            }
            """);

    InvalidConfigException e = catchInvalid(() -> TestPaperboy.loader(Map.of()).load(file));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        file
                            + ":2: paperboy.accounts.lab.platform: expected one of [x, mastodon, bluesky, console], found myspace"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(":2: paperboy.accounts.lab.min-spacing: expected a duration"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        ":4: paperboy.feeds.one.url: expected an http or https URL, a file: URI or a file path, found ftp://example.org/feed"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(":5: paperboy.feeds.one.account: names a missing account: nobody"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        ":6: paperboy.feeds.one.schedule: expected a duration such as 15m or a Quartz cron expression"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        ":7: paperboy.feeds.one.template: unknown placeholder {abstract}; known: {title} {summary}"))
        .anySatisfy(p -> assertThat(p).contains(":8: paperboy.feeds.one.colour: unknown key"));
  }

  @Test
  void readsRulesRosterFiltersAndThreads() throws Exception {
    write(
        "people/roster.conf",
        """
        people = [
          { name = "Jane Smith", orcid = "0000-0002-1825-0097", aliases = ["Smith J"], handles { x = "@janesmith" } }
          { name = "Kwame Mensah", handles { x = "kmensah" } }
        ]
        """);
    Path file =
        write(
            "rich.conf",
            """
            paperboy.accounts.demo { platform = console }
            paperboy.feeds.lab {
              url = "file:lab.xml"
              account = demo
              template = "{title} {link} {credits}"
              hashtag-rules = [
                { match = "(?i)sepsis", tag = "#Sepsis" }
                { match = ".", in = [category], tag = "ESICM26", from = "2026-10-01", until = "2026-10-05", tag-word-in-text = true }
              ]
              max-hashtags = 3
              roster = "people/roster.conf"
              enrich = true
              include-matching = ["(?i)trial"]
              exclude-matching = ["(?i)protocol"]
              skip = [corrections]
              max-age = 14d
              thread = true
            }
            """);

    FeedConfig lab = TestPaperboy.loader(Map.of()).load(file).feeds().get("lab");

    assertThat(lab.hashtagRules()).hasSize(2);
    assertThat(lab.hashtagRules().get(0).fields())
        .containsExactlyInAnyOrder(HashtagRule.Field.TITLE, HashtagRule.Field.ABSTRACT);
    assertThat(lab.hashtagRules().get(1).tag()).isEqualTo("#ESICM26");
    assertThat(lab.hashtagRules().get(1).activeOn(LocalDate.parse("2026-10-06"))).isFalse();
    assertThat(lab.roster()).extracting(Person::name).containsExactly("Jane Smith", "Kwame Mensah");
    assertThat(lab.roster().get(0).handles()).containsEntry("x", "@janesmith");
    assertThat(lab.maxHashtags()).isEqualTo(3);
    assertThat(lab.enrich()).isTrue();
    assertThat(lab.include()).extracting(Pattern::pattern).containsExactly("(?i)trial");
    assertThat(lab.skip()).containsExactly(Notice.CORRECTIONS);
    assertThat(lab.maxAge()).isEqualTo(Duration.ofDays(14));
    assertThat(lab.thread()).isTrue();
  }

  @Test
  void reportsBadRulesRegexesNoticesAndRosters() throws Exception {
    write(
        "roster.conf",
        "people = [ { name = \"Jane Smith\", orcid = \"0000-0002\", handles { x = \"@not a handle\" } } ]\n");
    Path file =
        write(
            "bad-rich.conf",
            """
            paperboy.accounts.demo { platform = console }
            paperboy.feeds.lab {
              url = "file:lab.xml"
              account = demo
              hashtag-rules = [ { match = "(sepsis", tag = "#Sepsis", until = "next week", colour = red } ]
              exclude-matching = ["[unclosed"]
              skip = [corrigenda]
              roster = "roster.conf"
              max-age = 0s
            }
            paperboy.feeds.other { url = "file:o.xml", account = demo, roster = "missing.conf" }
            """);

    InvalidConfigException e = catchInvalid(() -> TestPaperboy.loader(Map.of()).load(file));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        ":5: paperboy.feeds.lab.hashtag-rules[0].match: is not a valid regular expression: \"(sepsis\""))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "hashtag-rules[0].until: expected a date such as 2026-05-31, found next week"))
        .anySatisfy(p -> assertThat(p).contains("hashtag-rules[0].colour: unknown key"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        ":6: paperboy.feeds.lab.exclude-matching: is not a valid regular expression"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        ":7: paperboy.feeds.lab.skip: unknown notice corrigenda; known: [corrections, errata, retractions, withdrawals, errors]"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        ":9: paperboy.feeds.lab.max-age: must be positive, or null for no limit"))
        .anySatisfy(
            p -> assertThat(p).contains("roster.conf:1: people[0].orcid: expected an ORCID iD"))
        .anySatisfy(
            p ->
                assertThat(p).contains("people[0].handles.x: expected a handle such as @janesmith"))
        .anySatisfy(
            p -> assertThat(p).contains(":11: paperboy.feeds.other.roster: no such roster file: "));
  }

  @Test
  void reportsAFeedIdDefinedTwiceWithBothPlaces() throws Exception {
    Path file =
        write(
            "twice.conf",
            """
            paperboy.accounts.demo { platform = console }
            paperboy.feeds.nejm { url = "https://example.org/a.rss", account = demo }
            paperboy.feeds.nejm { url = "https://example.org/b.rss", account = demo }
            """);

    InvalidConfigException e = catchInvalid(() -> TestPaperboy.loader(Map.of()).load(file));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .singleElement()
        .asString()
        .contains(
            "twice.conf:3: paperboy.feeds.nejm: the feed id nejm is defined more than once (at ")
        .contains("twice.conf:2 and ")
        .contains("twice.conf:3)")
        .endsWith("give each feed its own id");
  }

  @Test
  void checksPacingRetryAndQuietHours() throws Exception {
    Path file =
        write(
            "pacing.conf",
            """
            paperboy.accounts.demo {
              platform = console
              quiet-hours = "late to early"
              timezone = "Mars/Olympus"
              retry { initial-delay = 10m, max-delay = 1m, max-attempt = 3 }
            }
            """);

    InvalidConfigException e = catchInvalid(() -> TestPaperboy.loader(Map.of()).load(file));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "paperboy.accounts.demo.timezone: expected a timezone such as Europe/London or UTC, found Mars/Olympus"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "paperboy.accounts.demo.retry.max-delay: must not be shorter than retry.initial-delay"))
        .anySatisfy(
            p -> assertThat(p).contains("paperboy.accounts.demo.retry.max-attempt: unknown key"));

    Files.writeString(
        file, "paperboy.accounts.demo { platform = console, quiet-hours = \"late to early\" }\n");
    assertThat(catchInvalid(() -> TestPaperboy.loader(Map.of()).load(file)).problems())
        .extracting(ConfigProblem::toString)
        .singleElement()
        .asString()
        .contains(
            ":1: paperboy.accounts.demo.quiet-hours: expected two times such as \"22:00-07:00\", found \"late to early\"");
  }

  @Test
  void namesEveryUnsetEnvironmentVariable() throws Exception {
    Path file = write("env.conf", LAB_ACCOUNT);

    InvalidConfigException e =
        catchInvalid(() -> TestPaperboy.loader(Map.of("X_LAB_ACCESS_TOKEN", "at")).load(file));

    assertThat(e.problems())
        .extracting(ConfigProblem::message)
        .contains(
            "environment variable X_LAB_CONSUMER_KEY is not set: export it before starting Paperboy",
            "environment variable X_LAB_CONSUMER_SECRET is not set: export it before starting Paperboy",
            "environment variable X_LAB_ACCESS_TOKEN_SECRET is not set: export it before starting Paperboy");
    assertThat(e.problems())
        .extracting(ConfigProblem::location)
        .allMatch(l -> l.startsWith(file.toString()));
  }

  @Test
  void refusesSecretsWrittenInTheFileAndNeverRepeatsThem() throws Exception {
    Path file =
        write(
            "secret.conf",
            """
            paperboy.accounts.lab {
              platform = x
              consumer-key = ${X_LAB_CONSUMER_KEY}
              consumer-secret = "hunter2-in-a-file"
              access-token = ${X_LAB_ACCESS_TOKEN}
              access-token-secret = ${X_LAB_ACCESS_TOKEN_SECRET}
            }
            """);

    InvalidConfigException e = catchInvalid(() -> TestPaperboy.loader(ENV).load(file));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            file
                + ":4: paperboy.accounts.lab.consumer-secret: secrets must come from the"
                + " environment: write consumer-secret = ${X_LAB_CONSUMER_SECRET}");
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void aSyntaxErrorNamesTheFileAndLine() throws Exception {
    Path file = write("syntax.conf", "paperboy {\n  feeds = [\n}\n");

    InvalidConfigException e = catchInvalid(() -> TestPaperboy.loader(Map.of()).load(file));

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).location()).startsWith(file.toString() + ":");
  }

  @Test
  void aMissingFileIsOneProblem() {
    Path missing = dir.resolve("nope.conf");

    InvalidConfigException e = catchInvalid(() -> TestPaperboy.loader(Map.of()).load(missing));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(missing + ": no such config file");
  }

  @Test
  void recordsRedactSecretsWhenPrinted() {
    assertThat(new XCredentials("key-1", "secret-2", "token-3", "secret-4").toString())
        .doesNotContain("key-1", "secret-2", "token-3", "secret-4")
        .contains("redacted");
    assertThat(new DatabaseConfig("jdbc:h2:mem:x", "u", "pw-value").toString())
        .doesNotContain("pw-value");
  }

  private interface Load {
    PaperboyConfig run() throws InvalidConfigException;
  }

  private static InvalidConfigException catchInvalid(Load load) {
    try {
      load.run();
    } catch (InvalidConfigException e) {
      return e;
    }
    throw new AssertionError("expected an invalid config");
  }
}

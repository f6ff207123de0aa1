package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.compose.FeedStyle;
import org.paperboy.compose.PostComposer;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.InvalidConfigException;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.model.HashtagRule;
import org.paperboy.model.Paper;
import org.paperboy.model.Summary;
import org.paperboy.parse.FeedParser;
import org.paperboy.pipeline.FeedPlan;
import org.paperboy.platform.x.XText;
import org.paperboy.summarise.Summariser;
import org.paperboy.testing.Fixtures;
import org.paperboy.testing.TestPaperboy;

/**
 * config/hashtags/health.conf: the health communities' hashtags, off unless a config includes it,
 * included into one feed or into every feed, and tagging only papers on each community's subject.
 */
class HealthHashtagsTest {

  private static final Path HEALTH = Path.of("config/hashtags/health.conf").toAbsolutePath();
  private static final Path EXPECTED = Path.of("src/test/resources/hashtags/health.expected.tsv");
  private static final List<String> TAGS =
      List.of("#MedEd", "#FOAMed", "#hcsm", "#NephJC", "#urojc", "#BlueJC");

  @TempDir Path dir;

  private PaperboyConfig load(String feeds) throws Exception {
    Path file = dir.resolve("paperboy.conf");
    Files.writeString(
        file,
        """
        paperboy.database.url = "jdbc:h2:mem:health"
        paperboy.accounts.lab { platform = console }
        %s
        """
            .formatted(feeds.replace("HEALTH", HEALTH.toString())));
    return TestPaperboy.loader().load(file);
  }

  private static List<String> tags(FeedConfig feed) {
    return feed.hashtagRules().stream().map(HashtagRule::tag).toList();
  }

  @Test
  void aFeedThatIncludesTheSetGetsItsRulesAndMayAddItsOwnAfterThem() throws Exception {
    PaperboyConfig config =
        load(
            """
            paperboy.feeds.nejm {
              url = "https://example.org/nejm.rss"
              account = lab
              include file("HEALTH")
              hashtag-rules += { match = "(?i)sepsis", tag = "#Sepsis" }
            }
            paperboy.feeds.plain { url = "https://example.org/plain.rss", account = lab }
            """);

    List<String> expected = new ArrayList<>(TAGS);
    expected.add("#Sepsis");
    assertThat(tags(config.feeds().get("nejm"))).containsExactlyElementsOf(expected);
    assertThat(tags(config.feeds().get("plain"))).as("off unless included").isEmpty();
    assertThat(config.files()).contains(HEALTH);
  }

  @Test
  void theFeedDefaultsIncludeTheSetForEveryFeed() throws Exception {
    PaperboyConfig config =
        load(
            """
            paperboy.defaults.feed { include file("HEALTH") }
            paperboy.feeds.nejm { url = "https://example.org/nejm.rss", account = lab }
            paperboy.feeds.bmj {
              url = "https://example.org/bmj.rss"
              account = lab
              hashtag-rules = ${paperboy.defaults.feed.hashtag-rules} [{ match = "x", tag = "#X" }]
            }
            paperboy.feeds.arxiv { url = "https://example.org/arxiv.rss", account = lab, hashtag-rules = [] }
            """);

    assertThat(tags(config.feeds().get("nejm"))).containsExactlyElementsOf(TAGS);
    assertThat(tags(config.feeds().get("bmj"))).hasSize(TAGS.size() + 1).endsWith("#X");
    assertThat(tags(config.feeds().get("arxiv"))).isEmpty();
  }

  @Test
  void theSetIncludedAtTheTopOfAConfigIsAnUnknownKeyNamingItsFile() {
    assertThatThrownBy(() -> load("include file(\"HEALTH\")"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(HEALTH.toString())
        .hasMessageContaining("hashtag-rules: unknown key");
  }

  @Test
  void eachRuleTagsAPaperOnItsCommunitysSubject() throws Exception {
    FeedStyle style = healthStyle();
    Map<String, String> titles =
        Map.of(
            "#MedEd", "Simulation teaching for medical students in the emergency department",
            "#FOAMed", "Podcasts and blogs in emergency medicine: who listens?",
            "#hcsm", "How patients with diabetes use Twitter and Facebook for advice",
            "#NephJC", "Acute kidney injury after cardiac surgery in older adults",
            "#urojc", "Active surveillance for low-risk prostate cancer",
            "#BlueJC", "Aspirin in pregnancy to prevent pre-eclampsia");

    titles.forEach(
        (tag, title) ->
            assertThat(tagsOf(style, paper(title), new Summary(title, List.of())))
                .as(title)
                .containsExactly(tag));
  }

  @Test
  void tagsOnlyThePapersOfTheFixtureFeedsThatAreOnItsSubjects() throws Exception {
    FeedStyle style = healthStyle();
    List<String> tagged = new ArrayList<>();
    int papers = 0;
    for (String fixture : Fixtures.allFeeds()) {
      for (Paper paper :
          new FeedParser()
              .parse("f", Fixtures.feedBytes(fixture), null, URI.create("https://x.org/"))
              .papers()) {
        papers++;
        List<String> tags = tagsOf(style, paper, new Summariser().summarise(paper));
        if (!tags.isEmpty()) {
          tagged.add(
              String.join("\t", fixture, paper.guid(), String.join(" ", tags), paper.title()));
        }
      }
    }

    // The expected lines were reviewed by hand: each is a paper on the subject of its tags
    // (fixture, guid, tags, title).
    assertThat(papers).isGreaterThan(600);
    assertThat(tagged).containsExactlyElementsOf(Files.readAllLines(EXPECTED));
  }

  private FeedStyle healthStyle() throws Exception {
    PaperboyConfig config =
        load(
            """
            paperboy.feeds.health {
              url = "https://example.org/health.rss", account = lab, max-hashtags = 6
              include file("HEALTH")
            }
            """);
    return FeedPlan.of(config.feeds().get("health")).style();
  }

  private static List<String> tagsOf(FeedStyle style, Paper paper, Summary summary) {
    String text =
        new PostComposer(new XText())
            .compose(style, paper, summary, LocalDate.parse("2026-11-21"))
            .text();
    return TAGS.stream().filter(t -> text.matches("(?s).*" + t + "\\b.*")).toList();
  }

  private static Paper paper(String title) {
    return new Paper(
        "f", "g", title, null, "10.1/x", List.of(), null, null, List.of(), null, "", List.of());
  }
}

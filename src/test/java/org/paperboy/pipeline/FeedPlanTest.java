package org.paperboy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.paperboy.compose.FeedStyle;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.model.HashtagRule;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPaperboy;

/**
 * How a reload tells the feeds whose queued posts must be rewritten: by the style their posts are
 * composed in, which must equal itself when the config is read again.
 */
class FeedPlanTest {

  private static final Map<String, String> ENV = environment();

  private static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(TestConfig.EXAMPLE_ENVIRONMENT);
    env.put("PAPERBOY_DATABASE_URL", "jdbc:h2:mem:plans");
    return env;
  }

  @Test
  void everyFeedOfAConfigReadAgainComposesAsBefore() throws Exception {
    for (String file : new String[] {"config/demo.conf", "config/example.conf"}) {
      PaperboyConfig before = TestPaperboy.loader(ENV).load(Path.of(file));
      PaperboyConfig after = TestPaperboy.loader(ENV).load(Path.of(file));

      assertThat(before.feeds().values().stream().anyMatch(f -> !f.hashtagRules().isEmpty()))
          .as("%s has a feed with hashtag rules", file)
          .isTrue();
      for (FeedConfig feed : after.feeds().values()) {
        assertThat(style(feed)).as(feed.id()).isEqualTo(style(before.feeds().get(feed.id())));
      }
    }
  }

  @Test
  void aRuleWithAnotherPatternOrFlagsIsAnotherRule() {
    HashtagRule rule = rule(Pattern.compile("pancreatitis"));

    assertThat(rule(Pattern.compile("pancreatitis"))).isEqualTo(rule).hasSameHashCodeAs(rule);
    assertThat(rule(Pattern.compile("pancreas"))).isNotEqualTo(rule);
    assertThat(rule(Pattern.compile("pancreatitis", Pattern.CASE_INSENSITIVE))).isNotEqualTo(rule);
  }

  private static FeedStyle style(FeedConfig feed) {
    return FeedPlan.of(feed).style();
  }

  private static HashtagRule rule(Pattern pattern) {
    return new HashtagRule(
        pattern, EnumSet.of(HashtagRule.Field.TITLE), "#ClinicalResearch", null, null, false);
  }
}

package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.config.Platform;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.TestPaperboy;

/** The configs in config/ are what users copy first: they must stay valid and true. */
class ShippedConfigsTest {

  private static final Pattern POST =
      Pattern.compile("── demo · from (\\S+) ──\\n(.+?)\\n\\n", Pattern.DOTALL);

  @Test
  void theExampleIsAValidDeploymentWithItsSecretsFromTheEnvironment() throws Exception {
    PaperboyConfig config =
        TestPaperboy.loader(TestConfig.EXAMPLE_ENVIRONMENT).load(Path.of("config/example.conf"));

    assertThat(config.accounts().get("lab").platform()).isEqualTo(Platform.X);
    assertThat(config.accounts().get("lab-mastodon").platform()).isEqualTo(Platform.MASTODON);
    assertThat(config.accounts().get("lab-bluesky").platform()).isEqualTo(Platform.BLUESKY);
    assertThat(config.feeds().get("nature-medicine").accountIds())
        .containsExactly("lab", "lab-mastodon", "lab-bluesky");
    assertThat(config.feeds()).containsOnlyKeys("nature-medicine", "plos-medicine", "lab-papers");
    assertThat(config.feeds().get("lab-papers").url().getHost())
        .isEqualTo("pubmed.ncbi.nlm.nih.gov");
  }

  @Test
  void theDemoPrintsAWellFormedPostForEveryBundledFeed() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, String> env =
        Map.of("PAPERBOY_DATABASE_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    PaperboyConfig demo = TestPaperboy.loader(env).load(Path.of("config/demo.conf"));

    int code =
        Paperboy.execute(
            new String[] {"once", "--config", "config/demo.conf"},
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(code).isZero();
    List<String> feedsPosted = new ArrayList<>();
    Matcher posts = POST.matcher(out.toString(StandardCharsets.UTF_8));
    while (posts.find()) {
      feedsPosted.add(posts.group(1));
      String text = posts.group(2);
      assertThat(TwitterTextParser.parseTweet(text).weightedLength).as(text).isBetween(40, 280);
      assertThat(text).as(text).contains("https://").doesNotContain("<", "&amp;", "&lt;");
      assertThat(text).as("the title ends at a line break: %s", text).contains("\n");
    }
    assertThat(feedsPosted).containsAll(demo.feeds().keySet());
  }
}

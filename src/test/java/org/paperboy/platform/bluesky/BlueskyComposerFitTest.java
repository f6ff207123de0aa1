package org.paperboy.platform.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.compose.FeedStyle;
import org.paperboy.compose.PostComposer;
import org.paperboy.compose.Template;
import org.paperboy.model.Paper;
import org.paperboy.model.Person;
import org.paperboy.model.Post;
import org.paperboy.model.PostRef;
import org.paperboy.model.Subject;
import org.paperboy.model.Summary;
import org.paperboy.publish.Message;

/**
 * What the composer writes within {@link BlueskyText}'s count, the fake PDS takes: random and
 * adversarial titles and summaries (emoji sequences heavy in bytes, combining marks, Han, long
 * links, hashtags in two scripts, closing punctuation against links) give posts, and threads, whose
 * records are never refused, neither for their length nor for a facet off by a byte.
 */
class BlueskyComposerFitTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
  private static final Template TEMPLATE = Template.parse("{title}\n{summary} {link} {hashtags}");

  private static final List<IntFunction<String>> PIECES =
      List.of(
          n -> "👨‍👩‍👧".repeat(1 + n % 40),
          n -> "👍🏽",
          n -> "🏳️‍🌈",
          n -> "🇫🇷",
          n -> "1️⃣",
          n -> "e\u0301\u0302",
          n -> "Étude",
          n -> "細胞生物学".repeat(1 + n % 5),
          n -> "слово",
          n -> "#Tag" + n,
          n -> "＃科学",
          n -> "#" + n,
          n -> "https://doi.org/10.1038/s" + n + "x".repeat(n % 80),
          n -> "(https://example.org/a_(b))",
          n -> "https://example.org/🧬" + "🧬".repeat(n % 30) + ".",
          n -> "a".repeat(20 + n % 300),
          n -> "…",
          n -> "—",
          n -> "Results.");

  @TempDir Path dir;
  private TestAccount lab;

  @BeforeEach
  void start() throws Exception {
    lab = new TestAccount(dir);
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  @Test
  void everyPostAndThreadTheComposerFitsIsARecordThePdsTakes() throws Exception {
    BlueskyText rules = new BlueskyText();
    PostComposer composer = new PostComposer(rules);
    BlueskyPublisher publisher = lab.publisher();
    Random random = new Random(20260601);
    int sent = 0;

    for (int round = 0; round < 150; round++) {
      String title = text(random, 1 + random.nextInt(30));
      Summary summary = new Summary(title, sentences(random));
      Paper paper =
          new Paper(
              "f",
              "g" + round,
              title,
              null,
              "10.1/" + round,
              List.of(),
              null,
              null,
              List.of(),
              null,
              "",
              List.of());
      FeedStyle style =
          new FeedStyle(
              TEMPLATE,
              List.of("#MedEd", "#細胞"),
              List.of(),
              2,
              List.<Person>of(),
              random.nextBoolean());
      List<Post> posts = composer.posts(style, paper, summary, TODAY);
      Subject subject = PostComposer.subject(paper, summary);

      Message first = lab.queue(posts.get(0).text(), subject);
      PostRef root = publisher.publish(first);
      sent++;
      if (posts.size() > 1) {
        publisher.publish(TestAccount.reply(first, posts.get(1).text(), root.id()));
        sent++;
      }
      for (Post post : posts) {
        assertThat(rules.length(post.text())).isEqualTo(post.length()).isLessThanOrEqualTo(300);
      }
    }

    assertThat(lab.pds.records()).hasSize(sent);
    assertThat(lab.pds.records())
        .anySatisfy(r -> assertThat(r.record().path("text").asText()).contains("…"))
        .anySatisfy(r -> assertThat(r.record().has("reply")).isTrue());
  }

  private static List<String> sentences(Random random) {
    List<String> sentences = new ArrayList<>();
    int count = random.nextInt(5) == 0 ? 20 + random.nextInt(60) : random.nextInt(6);
    for (int i = 0; i < count; i++) {
      sentences.add(text(random, 1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 20)));
    }
    return sentences;
  }

  private static String text(Random random, int pieces) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES.get(random.nextInt(PIECES.size())).apply(random.nextInt(1000)));
      if (random.nextInt(3) > 0) {
        text.append(' ');
      }
    }
    String result = text.toString().strip();
    return result.isEmpty() ? "x" : result;
  }
}

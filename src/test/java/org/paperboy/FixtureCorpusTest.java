package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.paperboy.compose.FeedStyle;
import org.paperboy.compose.PostComposer;
import org.paperboy.compose.Template;
import org.paperboy.model.Paper;
import org.paperboy.model.Post;
import org.paperboy.model.Summary;
import org.paperboy.parse.FeedParser;
import org.paperboy.platform.x.XText;
import org.paperboy.summarise.Summariser;
import org.paperboy.testing.Fixtures;

/** The post for every entry of every real feed in the fixtures, each checked as X would. */
class FixtureCorpusTest {

  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9:]*(\\s[^>]*)?/?>");
  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});");

  private final FeedParser parser = new FeedParser();
  private final Summariser summariser = new Summariser();
  private final PostComposer composer = new PostComposer(new XText());
  private final Extractor extractor = new Extractor();
  private final FeedStyle style =
      FeedStyle.of(Template.parse("{title} {summary} {link} {hashtags}"), List.of("#MedEd"));

  @Test
  void everyEntryOfEveryFeedMakesAPostXWouldAccept() throws Exception {
    Map<String, int[]> counts = new TreeMap<>();
    for (String fixture : Fixtures.allFeeds()) {
      int[] count = counts.computeIfAbsent(fixture.replaceAll("\\.xml$", ""), k -> new int[4]);
      for (Paper paper :
          parser
              .parse("f", Fixtures.feedBytes(fixture), null, URI.create("https://x.org/"))
              .papers()) {
        Summary summary = summariser.summarise(paper);
        Post post = composer.compose(style, paper, summary, LocalDate.parse("2026-11-21"));
        String text = post.text();
        String link = paper.doi() != null ? "https://doi.org/" : paper.link();

        assertThat(TwitterTextParser.parseTweet(text).weightedLength)
            .as(text)
            .isEqualTo(post.length())
            .isLessThanOrEqualTo(280);
        assertThat(TwitterTextParser.parseTweet(text).isValid).as(text).isTrue();
        assertThat(text).as(fixture).contains(link);
        assertThat(TAG.matcher(text).find()).as("markup left in %s", text).isFalse();
        assertThat(ENTITY.matcher(text).find()).as("entity left in %s", text).isFalse();
        assertThat(brokenSurrogate(text)).as(text).isFalse();
        assertThat(extractor.extractMentionedScreennames(text)).as(text).isEmpty();
        assertThat(extractor.extractCashtags(text)).as(text).isEmpty();
        String abstractText = Jsoup.parse(paper.abstractHtml()).text();
        if (abstractText.length() >= 200 && !abstractText.startsWith("Publication date:")) {
          assertThat(summary.sentences()).as("no summary for %s", paper.guid()).isNotEmpty();
        }
        int linkAt = text.indexOf(" " + link, summary.title().length());
        boolean hasSummary =
            text.startsWith(summary.title() + " ") && linkAt > summary.title().length();
        if (!summary.sentences().isEmpty() && hasSummary) {
          String part = text.substring(summary.title().length() + 1, linkAt);
          assertEndsAtAWordBoundary(part, summary.text());
          count[1]++;
          count[2] += part.endsWith("…") ? 1 : 0;
        }
        count[0]++;
        count[3] = Math.max(count[3], post.length());
      }
    }
    System.out.printf("%-62s %6s %8s %5s %4s%n", "feed", "posts", "summary", "cut", "max");
    counts.forEach(
        (feed, c) -> System.out.printf("%-62s %6d %8d %5d %4d%n", feed, c[0], c[1], c[2], c[3]));
    assertThat(counts.values().stream().mapToInt(c -> c[0]).sum()).isGreaterThan(500);
  }

  /** The summary in a post is whole sentences, or a cut after a whole word with an ellipsis. */
  private static void assertEndsAtAWordBoundary(String part, String summary) {
    if (part.endsWith("…")) {
      String kept = part.substring(0, part.length() - 1);
      assertThat(summary).as(part).startsWith(kept);
      char next = summary.charAt(kept.length());
      assertThat(Character.isWhitespace(next) || ",;:–—-".indexOf(next) >= 0 || isCjk(kept))
          .as("cut inside a word: %s", part)
          .isTrue();
    } else {
      assertThat(summary).as(part).startsWith(part);
      assertThat(
              summary.length() == part.length()
                  || Character.isWhitespace(summary.charAt(part.length())))
          .as("cut inside a word: %s", part)
          .isTrue();
    }
  }

  private static boolean isCjk(String text) {
    return text.codePoints().anyMatch(Character::isIdeographic);
  }

  private static boolean brokenSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}

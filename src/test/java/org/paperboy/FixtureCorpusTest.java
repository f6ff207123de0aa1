package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.paperboy.compose.FeedStyle;
import org.paperboy.compose.PostComposer;
import org.paperboy.compose.Template;
import org.paperboy.model.Citation;
import org.paperboy.model.Doi;
import org.paperboy.model.Paper;
import org.paperboy.model.Post;
import org.paperboy.model.Summary;
import org.paperboy.parse.FeedParser;
import org.paperboy.platform.x.XText;
import org.paperboy.summarise.Summariser;
import org.paperboy.testing.Fixtures;

/**
 * The post for every entry of every real feed in the fixtures, each checked as X would and as a
 * reader would: a doi.org link that resolves, no citation for a summary, no U+FFFD the feed did not
 * hold, and a title that visibly ends.
 */
class FixtureCorpusTest {

  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9:]*(\\s[^>]*)?/?>");
  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});");
  private static final Pattern DOI_LINK = Pattern.compile("https://doi\\.org/(\\S+)");

  private final FeedParser parser = new FeedParser();
  private final Summariser summariser = new Summariser();
  private final PostComposer composer = new PostComposer(new XText());
  private final Extractor extractor = new Extractor();
  // The default template, as reference.conf ships it, and one that joins title and summary with
  // a space, whose titles the composer must set apart itself.
  private final FeedStyle style =
      FeedStyle.of(
          Template.parse(
              ConfigFactory.defaultReference().getString("paperboy.defaults.feed.template")),
          List.of("#MedEd"));
  private final FeedStyle oneLine =
      FeedStyle.of(Template.parse("{title} {summary} {link} {hashtags}"), List.of("#MedEd"));
  private final XText x = new XText();

  @Test
  void everyEntryOfEveryFeedMakesAPostXWouldAccept() throws Exception {
    Map<String, int[]> counts = new TreeMap<>();
    for (String fixture : Fixtures.allFeeds()) {
      int[] count = counts.computeIfAbsent(fixture.replaceAll("\\.xml$", ""), k -> new int[4]);
      // U+FFFD written in UTF-8, EF BF BD: a replacement character the feed itself holds.
      boolean feedHoldsReplacements =
          new String(Fixtures.feedBytes(fixture), StandardCharsets.ISO_8859_1)
              .contains("\u00EF\u00BF\u00BD");
      for (Paper paper :
          parser
              .parse("f", Fixtures.feedBytes(fixture), null, URI.create("https://x.org/"))
              .papers()) {
        Summary summary = summariser.summarise(paper);
        Post post = composer.compose(style, paper, summary, LocalDate.parse("2026-11-21"));
        String text = post.text();
        String title = x.neutralise(summary.title());
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
        if (abstractText.length() >= 200) {
          assertThat(summary.sentences()).as("no summary for %s", paper.guid()).isNotEmpty();
        }
        assertThat(summary.sentences().isEmpty() || !Citation.isOnly(summary.text()))
            .as("a citation posted as the summary of %s: %s", paper.guid(), summary.text())
            .isTrue();
        Matcher doiLink = DOI_LINK.matcher(text);
        while (doiLink.find()) {
          assertThat(doiLink.group(1))
              .as(text)
              .doesNotContainIgnoringCase("%3F")
              .doesNotContain("?", "#");
          assertThat(Doi.isValid(doiLink.group(1))).as(text).isTrue();
        }
        if (!feedHoldsReplacements) {
          assertThat(text).as("a U+FFFD the feed did not hold").doesNotContain("\uFFFD");
        }
        assertTitleSetApart(text, title);
        assertTitleSetApart(
            composer.compose(oneLine, paper, summary, LocalDate.parse("2026-11-21")).text(), title);
        int linkAt = text.indexOf(" " + link, title.length());
        boolean hasSummary = text.startsWith(title + "\n") && linkAt > title.length();
        if (!summary.sentences().isEmpty() && hasSummary) {
          String part = text.substring(title.length() + 1, linkAt);
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

  /**
   * The reader sees where the title ends: at a line break, at the title's own end punctuation (or
   * the full stop the composer added), or before a link or hashtags.
   */
  private static void assertTitleSetApart(String text, String title) {
    int end;
    if (text.startsWith(title)) {
      end = title.length();
      if (text.startsWith(".", end) || text.startsWith("。", end)) {
        end++;
      }
    } else {
      end = text.indexOf('…') + 1;
      assertThat(end).as("the title was cut with an ellipsis: %s", text).isPositive();
    }
    String rest = text.substring(end);
    boolean apart =
        rest.isEmpty()
            || rest.startsWith("\n")
            || rest.startsWith(" http")
            || rest.startsWith(" #")
            || ".?!…:;。？！：；".indexOf(text.charAt(end - 1)) >= 0;
    assertThat(apart).as("the title runs into what follows: %s", text).isTrue();
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

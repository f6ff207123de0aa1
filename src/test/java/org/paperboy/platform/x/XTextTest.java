package org.paperboy.platform.x;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextParser;
import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Paper;
import org.paperboy.parse.FeedParser;
import org.paperboy.summarise.Summariser;
import org.paperboy.testing.Fixtures;

class XTextTest {

  private final XText counter = new XText();

  private static int reference(String text) {
    return TwitterTextParser.parseTweet(text).weightedLength;
  }

  @Test
  void countsAsTwitterTextDoes() {
    assertThat(counter.limit()).isEqualTo(280);
    assertThat(counter.length("a".repeat(280))).isEqualTo(280);
    assertThat(counter.length("漢".repeat(141))).isEqualTo(282);
    assertThat(counter.length("see https://doi.org/10.1371/journal.pcbi.1012994 now"))
        .isEqualTo(4 + 23 + 4);
    assertThat(counter.length("family 👨‍👩‍👧‍👦 emoji"))
        .isEqualTo(reference("family 👨‍👩‍👧‍👦 emoji"));
    assertThat(counter.length("e\u0301")).isEqualTo(1);
    assertThat(counter.length("   ")).isZero();
  }

  @Test
  void agreesWithTwitterTextOnEveryTitleAndAbstractInTheFixtures() throws Exception {
    FeedParser parser = new FeedParser();
    Summariser summariser = new Summariser();
    int texts = 0;
    for (String fixture : Fixtures.allFeeds()) {
      for (Paper paper :
          parser
              .parse("f", Fixtures.feedBytes(fixture), null, URI.create("https://x.org/"))
              .papers()) {
        var summary = summariser.summarise(paper);
        for (String text :
            new String[] {
              summary.title(), summary.text(), paper.link() == null ? "" : paper.link()
            }) {
          assertThat(counter.length(text)).as(text).isEqualTo(reference(text));
          texts++;
        }
      }
    }
    assertThat(texts).isGreaterThan(1000);
  }

  @Test
  void agreesWithTwitterTextOnRandomMixesOfScriptsUrlsAndEmoji() {
    String[] pieces = {
      "a",
      "Z",
      " ",
      "1",
      ".",
      "é",
      "ß",
      "漢",
      "字",
      "😀",
      "👍🏽",
      "©",
      "®",
      "™",
      "#",
      "@",
      "–",
      "—",
      "…",
      "“",
      "\u200D",
      "\uFE0F",
      "\u20E3",
      "e\u0301",
      "x.co",
      "https://doi.org/10.1/x",
      "www.example.org",
      "p<0.05",
      "≥",
      "±",
      "→",
      "☀",
      "❤",
      "‼",
      "ℹ",
      "⌚",
      "e.g.",
      "U.S.",
      "1.2.3.4",
      "http://127.0.0.1/x",
      "t.co/abc",
      "例え.jp",
      "foo．com",
      "xn--80ak6aa92e.com",
      "Ω",
      "ก",
      "\n",
      "\t"
    };
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int j = 0; j < length; j++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String sample = text.toString();
      assertThat(counter.length(sample)).as(sample).isEqualTo(reference(sample));
    }
  }

  @Test
  void weighsEachCodePointNoLessThanTwitterTextDoesAlone() {
    for (int codePoint : new int[] {'a', 'é', 0x2014, 0x2026, 0x6F22, 0x1F600, 0xA9}) {
      String alone = new String(Character.toChars(codePoint));
      assertThat(counter.weightOf(codePoint)).as(alone).isGreaterThanOrEqualTo(reference(alone));
    }
  }
}

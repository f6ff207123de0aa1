package org.paperboy.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.filter.Filters;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Test;
import org.paperboy.testing.Fixtures;
import org.xml.sax.InputSource;

/** Dates rewritten for ROME's first try mean the same instants ROME reads from the originals. */
class FeedDatesTest {

  @Test
  void everyDateInTheFixturesReadsAsRomeReadsIt() throws Exception {
    List<String> dates = new ArrayList<>();
    for (String fixture : Fixtures.allFeeds()) {
      SAXBuilder xml = new SAXBuilder();
      // A DOCTYPE's DTD is never fetched: tests stay off the network.
      xml.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      Document feed;
      try {
        feed = xml.build(new StringReader(Fixtures.feedText(fixture)));
      } catch (JDOMException e) {
        continue; // broken on purpose; FeedParserTest covers those
      }
      Document rewritten = feed.clone();
      FeedDates.normalise(rewritten);
      List<Element> before = toList(feed);
      List<Element> after = toList(rewritten);
      for (int i = 0; i < before.size(); i++) {
        String original = before.get(i).getTextTrim();
        String written = after.get(i).getTextTrim();
        if (!original.equals(written)) {
          dates.add(original);
          assertThat(DateParser.parseDate(written, Locale.US))
              .as("%s: %s rewritten as %s", fixture, original, written)
              .isEqualTo(DateParser.parseDate(original, Locale.US));
        }
      }
    }
    assertThat(dates).as("dates rewritten across the fixtures").hasSizeGreaterThan(300);
  }

  private static List<Element> toList(Document feed) {
    List<Element> elements = new ArrayList<>();
    feed.getDescendants(Filters.element()).forEach(elements::add);
    return elements;
  }

  @Test
  void readsRfc822AndW3cDatesAndLeavesTheRestToRome() {
    assertThat(FeedDates.read("Fri, 11 Apr 2025 15:00:00 GMT"))
        .isEqualTo(Instant.parse("2025-04-11T15:00:00Z"));
    assertThat(FeedDates.read("Fri, 11 Apr 2025 17:00:00 +0200"))
        .isEqualTo(Instant.parse("2025-04-11T15:00:00Z"));
    assertThat(FeedDates.read("2025-04-11T17:00:00+02:00"))
        .isEqualTo(Instant.parse("2025-04-11T15:00:00Z"));
    assertThat(FeedDates.read("2025-04-11")).isEqualTo(Instant.parse("2025-04-11T00:00:00Z"));
    assertThat(FeedDates.read("Fri, 11 Apr 2025 15:00:00 EST")).isNull();
    assertThat(FeedDates.read("11 Apr 25 15:00 GMT")).isNull();
    assertThat(FeedDates.read("April 2025")).isNull();
    assertThat(FeedDates.read("11/04/2025")).isNull();
  }
}

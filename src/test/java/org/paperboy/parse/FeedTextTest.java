package org.paperboy.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Paper;
import org.paperboy.testing.Fixtures;

/** Feeds whose bytes are not in the charset they declare, read as browsers read them. */
class FeedTextTest {

  private static final URI FEED = URI.create("https://feeds.example.org/x");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final FeedParser parser = new FeedParser();

  private static String rss(String title) {
    return "<rss version=\"2.0\"><channel><title>t</title><item><title>"
        + title
        + "</title><link>https://example.org/a</link></item></channel></rss>";
  }

  @Test
  void aWindows1252FeedWithoutADeclarationKeepsItsAccentsAndDashes() throws Exception {
    ParsedFeed utf8 =
        parser.parse("f", Fixtures.feedBytes("ojs_entomologisk-tidskrift_atom.xml"), null, FEED);
    ParsedFeed undeclared =
        parser.parse(
            "f",
            Fixtures.feedBytes("ojs_entomologisk-tidskrift_atom_windows-1252-undeclared.xml"),
            "application/atom+xml",
            FEED);

    assertThat(undeclared.papers())
        .extracting(Paper::title)
        .containsExactlyElementsOf(utf8.papers().stream().map(Paper::title).toList());
    assertThat(undeclared.papers())
        .extracting(Paper::title)
        .contains("Trettioandra Svenska Entomologmötet Bohuslän, Orust/Tjörn 10–12 juni 2022");
    assertThat(undeclared.papers())
        .extracting(Paper::abstractHtml)
        .containsExactlyElementsOf(utf8.papers().stream().map(Paper::abstractHtml).toList());
    assertThat(undeclared.warnings())
        .containsExactly(
            "bytes that are not UTF-8 were read as windows-1252 (the feed declares the wrong"
                + " charset, or none)");
  }

  @Test
  void aLatin1FeedThatDeclaresUtf8NeverCarriesAReplacementCharacter() throws Exception {
    byte[] latin1 =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + rss("Sepsis in Málaga"))
            .getBytes(StandardCharsets.ISO_8859_1);

    Paper paper =
        parser.parse("f", latin1, "application/rss+xml; charset=utf-8", FEED).papers().get(0);

    assertThat(paper.title()).isEqualTo("Sepsis in Málaga").doesNotContain("\uFFFD");
  }

  @Test
  void aUtf8FeedWithOneStrayWindows1252ByteKeepsItsOtherAccents() throws Exception {
    String[] around = rss("|").split("\\|");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes((around[0] + "Sepsis in Málaga ").getBytes(StandardCharsets.UTF_8));
    body.writeBytes("“".getBytes(WINDOWS_1252));
    body.writeBytes("Évora".getBytes(StandardCharsets.UTF_8));
    body.writeBytes("”".getBytes(WINDOWS_1252));
    body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));

    ParsedFeed feed = parser.parse("f", body.toByteArray(), null, FEED);

    assertThat(feed.papers().get(0).title()).isEqualTo("Sepsis in Málaga “Évora”");
  }

  @Test
  void aFeedDeclaringLatin1ReadsItsWindows1252QuotesAsQuotes() throws Exception {
    byte[] body =
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + rss("“Café” – a study"))
            .getBytes(WINDOWS_1252);

    ParsedFeed feed = parser.parse("f", body, null, FEED);

    assertThat(feed.papers().get(0).title()).isEqualTo("“Café” – a study");
    assertThat(feed.warnings()).isEmpty();
  }

  @Test
  void dropsTheControlCharactersXmlForbidsAndSaysHowMany() throws Exception {
    // Pasted from a word processor: a vertical tab and a start-of-heading, after an emoji.
    byte[] body =
        rss("Sepsis \uD83E\uDDA0 in\tM\u000Bálaga\u0001").getBytes(StandardCharsets.UTF_8);

    ParsedFeed feed = parser.parse("f", body, null, FEED);

    assertThat(feed.papers().get(0).title()).isEqualTo("Sepsis \uD83E\uDDA0 in\tMálaga");
    assertThat(feed.warnings()).containsExactly("2 characters that XML forbids were dropped");
  }

  @Test
  void aFeedStartingWithAByteOrderMarkIsReadWithoutAWarning() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    body.writeBytes(
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + rss("Sepsis in Málaga"))
            .getBytes(StandardCharsets.UTF_8));

    ParsedFeed feed = parser.parse("f", body.toByteArray(), null, FEED);

    assertThat(feed.papers().get(0).title()).isEqualTo("Sepsis in Málaga");
    assertThat(feed.warnings()).isEmpty();
  }

  @Test
  void aFeedDeclaringACharsetJavaDoesNotKnowIsReadAsUtf8() throws Exception {
    byte[] body =
        ("<?xml version=\"1.0\" encoding=\"x-mac-paperboy\"?>" + rss("Sepsis in Málaga"))
            .getBytes(StandardCharsets.UTF_8);

    ParsedFeed feed = parser.parse("f", body, null, FEED);

    assertThat(feed.papers().get(0).title()).isEqualTo("Sepsis in Málaga");
  }

  @Test
  void aUtf8FeedServedAsTextXmlWithoutACharsetIsReadAsUtf8() throws Exception {
    // RFC 3023 makes text/xml without a charset US-ASCII, whatever the XML declaration says.
    byte[] body = rss("Sepsis in Málaga").getBytes(StandardCharsets.UTF_8);

    ParsedFeed feed = parser.parse("f", body, "text/xml", FEED);

    assertThat(feed.papers().get(0).title()).isEqualTo("Sepsis in Málaga");
    assertThat(feed.warnings()).containsExactly("bytes that are not US-ASCII were read as UTF-8");
  }
}

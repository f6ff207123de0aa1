package org.paperboy.parse;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.paperboy.model.Paper;

/**
 * Parses RSS 0.9x, 1.0 and 2.0 and Atom 0.3 and 1.0 with ROME. DOCTYPE declarations are refused,
 * which blocks external entities (XXE) and entity expansion (billion laughs). Thread-safe: each
 * call uses its own ROME input, and each thread its own XML parser.
 */
public final class FeedParser {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Parses {@code body}.
   *
   * @param feedId the feed's id, stamped on each paper
   * @param body the bytes as fetched
   * @param contentType the HTTP {@code Content-Type}, or {@code null}; its charset is a hint
   * @param base the feed's URL, against which relative links are resolved
   * @throws FeedParseException naming {@code base} when the bytes are not a well-formed feed
   */
  public ParsedFeed parse(String feedId, byte[] body, String contentType, URI base)
      throws FeedParseException {
    if (looksLikeHtml(body)) {
      throw new FeedParseException(base + " served an HTML page, not a feed", null);
    }
    SyndFeed feed;
    FeedText.Decoded decoded;
    try {
      decoded = FeedText.of(body, contentType);
      feed = build(decoded.text());
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new FeedParseException(base + " is not a readable feed: " + oneLine(e), e);
    } catch (RuntimeException e) {
      // ROME throws what it will on documents it does not expect (a NullPointerException for an
      // <rss> without a <channel>): whatever it is, it is this feed's failure alone.
      throw new FeedParseException(base + " is not a readable feed: " + unexpected(body, e), e);
    }
    List<Paper> papers;
    try {
      papers = papers(feedId, base, feed);
    } catch (RuntimeException e) {
      throw new FeedParseException(
          base + " is not a readable feed: its entries could not be read (" + e + ")", e);
    }
    List<String> warnings = new ArrayList<>(decoded.warnings());
    Collapsed.warning(papers).ifPresent(warnings::add);
    return new ParsedFeed(clean(feed.getTitle()), papers, warnings);
  }

  private static List<Paper> papers(String feedId, URI base, SyndFeed feed) {
    PaperMapper mapper = new PaperMapper(feedId, clean(feed.getTitle()));
    List<SyndEntry> entries = feed.getEntries();
    List<String> links =
        EntryLinks.canonical(
            entries.stream().map(PaperMapper::rawLink).toList(),
            entries.stream().map(PaperMapper::rawGuid).toList(),
            base);
    List<Paper> papers = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      mapper.map(entries.get(i), links.get(i), base).ifPresent(papers::add);
    }
    return papers;
  }

  /** What went wrong when ROME failed in a way it does not declare. */
  private static String unexpected(byte[] body, RuntimeException e) {
    String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
    if (head.contains("<rss") && !head.contains("<channel")) {
      return "an <rss> document without a <channel> (servers send one for an empty or broken"
          + " feed)";
    }
    return "its parser failed (" + oneLine(e) + ")";
  }

  /**
   * The feed read by ROME; with its XML healer (HTML entities, stray text before the XML
   * declaration) only when the text will not parse without: the healer reads one character at a
   * time, which doubles the cost of a clean feed.
   */
  private static SyndFeed build(String text) throws FeedException {
    try {
      return new Input(false).read(text);
    } catch (FeedException e) {
      return new Input(true).read(text);
    }
  }

  /**
   * ROME's input, reading the XML with ROME's own SAX settings and then, before ROME parses the
   * feed, rewriting its dates (see {@link FeedDates}).
   */
  private static final class Input extends WireFeedInput {

    // ROME makes a new SAX builder, and two Xerces parsers, for each feed it reads: a quarter of
    // the XML parse's time. Each thread keeps one builder, which reuses its parser.
    private static final ThreadLocal<SAXBuilder> BUILDER =
        ThreadLocal.withInitial(() -> new Input(false).createSAXBuilder());

    Input(boolean healer) {
      setAllowDoctypes(false);
      setXmlHealerOn(healer);
    }

    SyndFeed read(String text) throws FeedException {
      Reader reader = new StringReader(text);
      Document document;
      try {
        document = BUILDER.get().build(getXmlHealerOn() ? new XmlFixerReader(reader) : reader);
      } catch (JDOMParseException e) {
        throw new ParsingFeedException("Invalid XML: " + e.getMessage(), e);
      } catch (JDOMException | IOException e) {
        throw new ParsingFeedException("Invalid XML", e);
      }
      FeedDates.normalise(document);
      return new SyndFeedImpl(build(document));
    }
  }

  private static boolean looksLikeHtml(byte[] body) {
    int length = Math.min(body.length, 512);
    String head = new String(body, 0, length, StandardCharsets.ISO_8859_1);
    String lower = head.stripLeading().toLowerCase(Locale.ROOT);
    return lower.startsWith("<!doctype html") || lower.startsWith("<html");
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return SPACES.matcher(message).replaceAll(" ").strip();
  }

  private static String clean(String text) {
    return text == null ? null : SPACES.matcher(text).replaceAll(" ").strip();
  }
}

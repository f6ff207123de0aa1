package org.paperboy.platform.bluesky;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.publish.Message;

/**
 * An {@code app.bsky.feed.post} record for a message: its text as it shows (links shortened), a
 * facet for every link (the whole URL) and every hashtag (the tag without its #), each facet's
 * range counted in UTF-8 bytes of the text (start inclusive, end exclusive), so it stays right when
 * non-ASCII text comes first; its {@code createdAt} fixed when the post was queued; its language; a
 * link card for the paper; and, for a reply, the post it answers.
 */
final class BlueskyRecord {

  static final String COLLECTION = "app.bsky.feed.post";
  // A hashtag starts the text or follows white space; its tag runs to the next white space.
  private static final Pattern HASHTAG = Pattern.compile("(?<=^|\\s)[#＃]([^\\s#＃]+)");
  private static final Pattern TRAILING = Pattern.compile("\\p{P}+$");
  // As the Bluesky app reads tags: one that is only digits and punctuation (#2024, #1.5) is none.
  private static final Pattern WORDY = Pattern.compile("[^\\p{Nd}\\s\\p{P}]");
  // app.bsky.richtext.facet#tag: maxGraphemes 64, maxLength 640 (bytes); a PDS refuses longer.
  private static final int LONGEST_TAG = 64;
  private static final int LONGEST_TAG_BYTES = 640;
  private static final int LONGEST_CARD_DESCRIPTION = 300;

  private BlueskyRecord() {}

  /**
   * The record for {@code message}.
   *
   * @param language the posts' language, or {@code null}
   * @param reply for a reply, the post it answers as {@code uri} and {@code cid}; else {@code null}
   * @param thumb the link card's picture, an uploaded blob, or {@code null}
   */
  static Map<String, Object> of(
      Message message, String language, BlueskyRef reply, Map<String, Object> thumb) {
    StringBuilder text = new StringBuilder();
    List<Map<String, Object>> facets = new ArrayList<>();
    String full = message.text();
    int from = 0;
    for (BlueskyLinks.Link link : BlueskyLinks.in(full)) {
      text.append(full, from, link.start());
      int start = bytes(text);
      text.append(BlueskyLinks.shown(link.url()));
      facets.add(facet(start, bytes(text), "app.bsky.richtext.facet#link", "uri", link.url()));
      from = link.end();
    }
    text.append(full.substring(from));
    String shown = text.toString();
    Matcher hashtag = HASHTAG.matcher(shown);
    while (hashtag.find()) {
      String tag = TRAILING.matcher(hashtag.group(1)).replaceAll("");
      if (!WORDY.matcher(tag).find()
          || BlueskyText.graphemes(tag) > LONGEST_TAG
          || bytes(tag) > LONGEST_TAG_BYTES) {
        continue;
      }
      int start = bytes(shown.substring(0, hashtag.start()));
      int end = start + bytes(shown.substring(hashtag.start(), hashtag.start(1))) + bytes(tag);
      facets.add(facet(start, end, "app.bsky.richtext.facet#tag", "tag", tag));
    }
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("$type", COLLECTION);
    record.put("text", shown);
    record.put("createdAt", message.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
    if (language != null) {
      record.put("langs", List.of(language));
    }
    if (!facets.isEmpty()) {
      record.put("facets", facets);
    }
    if (reply != null) {
      record.put("reply", ordered("root", reply.strong(), "parent", reply.strong()));
    } else if (!message.subject().link().isEmpty()) {
      record.put("embed", card(message, thumb));
    }
    return record;
  }

  /** The paper's link card: its link, its title, its summary; and its picture, when it has one. */
  private static Map<String, Object> card(Message message, Map<String, Object> thumb) {
    Map<String, Object> external = new LinkedHashMap<>();
    external.put("uri", message.subject().link());
    external.put("title", message.subject().title());
    external.put(
        "description", BlueskyText.cut(message.subject().summary(), LONGEST_CARD_DESCRIPTION));
    if (thumb != null) {
      external.put("thumb", thumb);
    }
    return ordered("$type", "app.bsky.embed.external", "external", external);
  }

  private static Map<String, Object> facet(
      int byteStart, int byteEnd, String type, String field, String value) {
    return ordered(
        "index",
        ordered("byteStart", byteStart, "byteEnd", byteEnd),
        "features",
        List.of(ordered("$type", type, field, value)));
  }

  /**
   * Two fields in this order. The JSON sent is the same bytes on every attempt, whichever process
   * sends it; {@code Map.of} would order its keys differently from one JVM to the next.
   */
  static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key1, value1);
    map.put(key2, value2);
    return map;
  }

  private static int bytes(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8).length;
  }
}

package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.testing.FakeHttp.Refusal;

/**
 * An {@code app.bsky.feed.post} record checked against its lexicon (lexicons/app/bsky/feed/post,
 * richtext/facet, embed/external, embed/images) as a PDS checks it before it stores one
 * (repo/prepare.ts with packages/lex/lex-schema, strict): {@code text} at most 3,000 UTF-8 bytes
 * and 300 graphemes, {@code createdAt} a datetime, at most 3 {@code langs}, facets' byte ranges
 * non-negative integers, blob references typed and within the embed's {@code maxSize} and {@code
 * accept}. The first problem is refused with 400 {@code InvalidRequest}, worded as lex-schema's
 * issues are ({@code "Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at
 * $.record.text"}), except that a value is described by its type rather than printed.
 */
final class BlueskyPostCheck {

  static final String POST = "app.bsky.feed.post";
  static final String PREFIX = "Invalid " + POST + " record: ";
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  /** A check of one value at a JSON path: the problem worded, or null. */
  private interface Check {
    String problem(JsonNode value, String at);
  }

  private interface Problem {
    String find();
  }

  private static final int ANY = Integer.MAX_VALUE;
  private static final Check URI = (uri, at) -> format(uri, at, "uri", AtprotoSyntax::isUri);
  private static final Check DID = (did, at) -> format(did, at, "DID", AtprotoSyntax::isDid);
  private static final Check TAG = (tag, at) -> string(tag, at, 640, 64);
  private static final Check LANGUAGE =
      (lang, at) -> format(lang, at, "language", AtprotoSyntax::isLanguage);
  private static final Check DATETIME =
      (time, at) -> format(time, at, "datetime", AtprotoSyntax::isDatetime);
  private static final Check FEATURE = BlueskyPostCheck::feature;
  private static final Check IMAGE = BlueskyPostCheck::image;
  private static final Predicate<String> AT_URI = s -> AtprotoSyntax.atUri(s) != null;
  private static final Predicate<String> CID = AtprotoSyntax::isCid;

  private BlueskyPostCheck() {}

  static void check(JsonNode record) throws Refusal {
    String problem = post(record, "$.record");
    if (problem != null) {
      throw Xrpc.invalid(PREFIX + problem);
    }
  }

  private static int graphemes(String s) {
    Matcher m = GRAPHEME.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String post(JsonNode r, String at) {
    return first(
        () -> required(r, at, "text", "createdAt"),
        () -> string(r.get("text"), at + ".text", 3000, 300),
        () ->
            optional(r, at, "facets", (f, there) -> array(f, there, ANY, BlueskyPostCheck::facet)),
        () -> optional(r, at, "reply", BlueskyPostCheck::reply),
        () -> optional(r, at, "embed", BlueskyPostCheck::embed),
        () -> optional(r, at, "langs", (langs, there) -> array(langs, there, 3, LANGUAGE)),
        () -> optional(r, at, "tags", (tags, there) -> array(tags, there, 8, TAG)),
        () -> field(r, at, "createdAt", DATETIME));
  }

  private static String reply(JsonNode reply, String at) {
    return first(
        () -> field(reply, at, "root", BlueskyPostCheck::strongRef),
        () -> field(reply, at, "parent", BlueskyPostCheck::strongRef));
  }

  private static String strongRef(JsonNode ref, String at) {
    return first(
        () -> field(ref, at, "uri", (uri, there) -> format(uri, there, "at-uri", AT_URI)),
        () -> field(ref, at, "cid", (cid, there) -> format(cid, there, "CID string", CID)));
  }

  private static String facet(JsonNode facet, String at) {
    return first(
        () -> field(facet, at, "index", BlueskyPostCheck::byteSlice),
        () -> field(facet, at, "features", (f, there) -> array(f, there, ANY, FEATURE)));
  }

  private static String byteSlice(JsonNode index, String at) {
    return first(
        () -> field(index, at, "byteStart", (n, there) -> integer(n, there, 0)),
        () -> field(index, at, "byteEnd", (n, there) -> integer(n, there, 0)));
  }

  private static String feature(JsonNode feature, String at) {
    return first(
        () -> typed(feature, at),
        () ->
            switch (feature.get("$type").asText()) {
              case "app.bsky.richtext.facet#link" -> field(feature, at, "uri", URI);
              case "app.bsky.richtext.facet#tag" -> field(feature, at, "tag", TAG);
              case "app.bsky.richtext.facet#mention" -> field(feature, at, "did", DID);
              default -> null; // an open union: features it does not know pass unchecked
            });
  }

  private static String embed(JsonNode embed, String at) {
    return first(
        () -> typed(embed, at),
        () ->
            switch (embed.get("$type").asText()) {
              case "app.bsky.embed.external" ->
                  field(embed, at, "external", BlueskyPostCheck::external);
              case "app.bsky.embed.images" ->
                  field(embed, at, "images", (i, there) -> array(i, there, 4, IMAGE));
              default -> null; // the strict check looks at other embeds
            });
  }

  private static String external(JsonNode external, String at) {
    return first(
        () -> field(external, at, "uri", URI),
        () -> field(external, at, "title", BlueskyPostCheck::string),
        () -> field(external, at, "description", BlueskyPostCheck::string),
        () -> optional(external, at, "thumb", (b, there) -> blob(b, there, 1_000_000)));
  }

  private static String image(JsonNode image, String at) {
    return first(
        () -> field(image, at, "image", (b, there) -> blob(b, there, 2_000_000)),
        () -> field(image, at, "alt", BlueskyPostCheck::string));
  }

  private static String blob(JsonNode blob, String at, int maxSize) {
    if (blob == null
        || !blob.isObject()
        || !"blob".equals(blob.path("$type").asText(null))
        || !blob.path("ref").path("$link").isTextual()
        || !AtprotoSyntax.isCid(blob.path("ref").path("$link").asText())
        || !blob.path("mimeType").isTextual()
        || !blob.path("size").isIntegralNumber()) {
      return expected("blob", blob, at);
    }
    String mime = blob.get("mimeType").asText();
    if (!mime.startsWith("image/")) {
      return "Expected \"image/*\" (got \"" + mime + "\") at " + at + ".mimeType";
    }
    long size = blob.get("size").asLong();
    return size > maxSize
        ? "blob too big (maximum " + maxSize + ", got " + size + ") at " + at
        : null;
  }

  /** The first problem any of {@code checks} finds, in order, as lex-schema stops at one. */
  private static String first(Problem... checks) {
    for (Problem check : checks) {
      String p = check.find();
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  /** The problem with {@code object}'s {@code key}: missing, or what {@code check} finds. */
  private static String field(JsonNode object, String at, String key, Check check) {
    String p = required(object, at, key);
    return p != null ? p : check.problem(object.get(key), at + "." + key);
  }

  private static String optional(JsonNode object, String at, String key, Check check) {
    return object.has(key) ? check.problem(object.get(key), at + "." + key) : null;
  }

  private static String array(JsonNode array, String at, int max, Check item) {
    if (!array.isArray()) {
      return expected("array", array, at);
    }
    if (array.size() > max) {
      return "array too big (maximum " + max + ", got " + array.size() + ") at " + at;
    }
    for (int i = 0; i < array.size(); i++) {
      String p = item.problem(array.get(i), at + "[" + i + "]");
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static String required(JsonNode object, String at, String... keys) {
    if (object == null || !object.isObject()) {
      return expected("object", object, at);
    }
    for (String key : keys) {
      if (!object.has(key)) {
        return "Missing required key \"" + key + "\" at " + at;
      }
    }
    return null;
  }

  private static String typed(JsonNode object, String at) {
    return object.isObject() && object.path("$type").isTextual()
        ? null
        : expected("an object which includes the \"$type\" property", object, at);
  }

  private static String string(JsonNode s, String at) {
    return s.isTextual() ? null : expected("string", s, at);
  }

  private static String string(JsonNode s, String at, int maxBytes, int maxGraphemes) {
    if (!s.isTextual()) {
      return expected("string", s, at);
    }
    int bytes = s.asText().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      return "string too big (maximum " + maxBytes + ", got " + bytes + ") at " + at;
    }
    int graphemes = graphemes(s.asText());
    return graphemes > maxGraphemes
        ? "grapheme too big (maximum " + maxGraphemes + ", got " + graphemes + ") at " + at
        : null;
  }

  private static String integer(JsonNode n, String at, long min) {
    if (!n.isIntegralNumber()) {
      return expected("integer", n, at);
    }
    return n.asLong() < min
        ? "integer too small (minimum " + min + ", got " + n.asLong() + ") at " + at
        : null;
  }

  private static String format(JsonNode s, String at, String name, Predicate<String> valid) {
    if (!s.isTextual()) {
      return expected("string", s, at);
    }
    return valid.test(s.asText())
        ? null
        : "Invalid " + name + " (got " + FakeHttp.JSON.valueToTree(s.asText()) + ") at " + at;
  }

  private static String expected(String type, JsonNode value, String at) {
    String got =
        value == null || value.isNull()
            ? "null"
            : value.isTextual() ? "string" : value.getNodeType().name().toLowerCase(Locale.ROOT);
    return "Expected " + type + " value type (got " + got + ") at " + at;
  }
}

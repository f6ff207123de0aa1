package org.paperboy.platform.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.twitter.twittertext.Extractor;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a post X returns is the one Paperboy sent. X does not keep the bytes sent: it
 * NFC-normalises the text, replaces every link with a {@code t.co} address (the link itself is in
 * {@code entities.urls[].expanded_url}, with {@code http://} added to a bare domain), and escapes
 * {@code &}, {@code <} and {@code >} as HTML entities. So both sides are compared as X keeps them:
 * the text with each link set aside, and the links in order. Thread-safe.
 */
final class XPostMatch {

  // A link's place in the text, on both sides: a character no feed text holds.
  private static final String LINK = "\uFFFC";

  private static final Pattern PICTURE = Pattern.compile("/status/\\d+/(photo|video)/\\d+$");

  private final Extractor extractor = new Extractor();

  /** True when {@code post}, a post object of X API v2 with its entities, is {@code sent}. */
  boolean matches(String sent, JsonNode post) {
    String ours = Normalizer.normalize(sent, Normalizer.Form.NFC).strip();
    List<String> ourLinks = new ArrayList<>();
    StringBuilder ourText = new StringBuilder(ours);
    List<Extractor.Entity> urls = extractor.extractURLsWithIndices(ours);
    for (int i = urls.size() - 1; i >= 0; i--) {
      Extractor.Entity url = urls.get(i);
      ourLinks.add(0, link(url.getValue()));
      ourText.replace(url.getStart(), url.getEnd(), LINK);
    }
    String theirs = unescape(post.path("text").asText(""));
    List<String> theirLinks = new ArrayList<>();
    for (JsonNode url : post.path("entities").path("urls")) {
      String wrapped = url.path("url").asText("");
      int at = wrapped.isEmpty() ? -1 : theirs.indexOf(wrapped);
      if (at >= 0 && isPicture(url)) {
        // X adds a link to a post's picture at the end of its text: not one Paperboy sent.
        theirs = (theirs.substring(0, at) + theirs.substring(at + wrapped.length())).strip();
      } else if (at >= 0) {
        theirs = theirs.substring(0, at) + LINK + theirs.substring(at + wrapped.length());
        theirLinks.add(link(url.path("expanded_url").asText(wrapped)));
      }
    }
    theirs = Normalizer.normalize(theirs, Normalizer.Form.NFC).strip();
    return theirs.contentEquals(ourText) && theirLinks.equals(ourLinks);
  }

  /** True when {@code url} is the link X adds to a post's own picture. */
  private static boolean isPicture(JsonNode url) {
    return url.has("media_key") || PICTURE.matcher(url.path("expanded_url").asText("")).find();
  }

  /** A link as both sides write it: without its scheme, or a slash X may add at its end. */
  private static String link(String url) {
    String bare = url.replaceFirst("(?i)^https?://", "");
    return (bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare)
        .toLowerCase(Locale.ROOT);
  }

  /** X's text with the three entities it escapes turned back. */
  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}

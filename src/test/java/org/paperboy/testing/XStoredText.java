package org.paperboy.testing;

import com.twitter.twittertext.Extractor;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A post as X keeps it and returns it from {@code GET /2/users/:id/tweets}: its text
 * NFC-normalised, every link (as twitter-text finds them) replaced by a {@code t.co} address, with
 * the link itself in {@code entities.urls[].expanded_url} ({@code http://} added to a bare domain),
 * and {@code &}, {@code <} and {@code >} escaped as HTML entities.
 */
final class XStoredText {

  private final Extractor extractor = new Extractor();

  Map<String, Object> asKept(FakeXApi.Tweet tweet, Instant postedAt, boolean withEntities) {
    String text = Normalizer.normalize(tweet.text(), Normalizer.Form.NFC);
    List<Extractor.Entity> links = extractor.extractURLsWithIndices(text);
    StringBuilder kept = new StringBuilder();
    List<Map<String, Object>> urls = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < links.size(); i++) {
      Extractor.Entity link = links.get(i);
      kept.append(text, from, link.getStart());
      String wrapped = "https://t.co/" + shortCode(tweet.id(), i);
      Map<String, Object> url = new LinkedHashMap<>();
      url.put("start", kept.length());
      kept.append(wrapped);
      url.put("end", kept.length());
      url.put("url", wrapped);
      String value = link.getValue();
      url.put("expanded_url", value.matches("(?i)^https?://.*") ? value : "http://" + value);
      url.put("display_url", value.replaceFirst("(?i)^https?://", ""));
      urls.add(url);
      from = link.getEnd();
    }
    kept.append(text.substring(from));
    if (!tweet.mediaIds().isEmpty()) {
      // X ends a post with a picture with a link to the picture, in entities.urls with its key.
      String wrapped = "https://t.co/" + shortCode(tweet.id(), links.size());
      kept.append(' ');
      Map<String, Object> url = new LinkedHashMap<>();
      url.put("start", kept.length());
      kept.append(wrapped);
      url.put("end", kept.length());
      url.put("url", wrapped);
      url.put("expanded_url", "https://x.com/lab/status/" + tweet.id() + "/photo/1");
      url.put("display_url", "pic.x.com/" + shortCode(tweet.id(), links.size()));
      url.put("media_key", "3_" + tweet.mediaIds().get(0));
      urls.add(url);
    }
    Map<String, Object> post = new LinkedHashMap<>();
    post.put("id", tweet.id());
    post.put(
        "text", kept.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    post.put("created_at", postedAt.toString());
    post.put("edit_history_tweet_ids", List.of(tweet.id()));
    if (withEntities && !urls.isEmpty()) {
      post.put("entities", Map.of("urls", urls));
    }
    return post;
  }

  /** A t.co path: ten letters and digits, distinct for each link of each post. */
  private static String shortCode(String id, int index) {
    String code = Long.toString(Math.abs((id + "#" + index).hashCode()), 36) + "abcdefghij";
    return code.substring(0, 10);
  }
}

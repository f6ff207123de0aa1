package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.filter.EntryFilter;
import org.paperboy.model.Paper;
import org.paperboy.parse.FeedParser;

/** Papers by the identity Paperboy posts them under: DOI, else link. */
public final class PaperIdentities {

  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  private PaperIdentities() {}

  /** Every paper the fixture feeds hold that Paperboy should post, each once. */
  public static Set<String> expected(String... fixtureFeeds) throws Exception {
    Set<String> papers = new HashSet<>();
    for (String feed : fixtureFeeds) {
      for (Paper paper :
          new FeedParser()
              .parse("f", Fixtures.feedBytes(feed), null, URI.create("https://x.org/"))
              .papers()) {
        if (EntryFilter.DEFAULT.rejects(paper, Instant.now()).isEmpty()) {
          papers.add(paper.identity().toString());
        }
      }
    }
    return papers;
  }

  /** The paper a post announces, by the identity its link stands for; null without a link. */
  public static String of(FakeXApi.Tweet tweet) {
    return ofText(tweet.text());
  }

  /** The paper a Mastodon status announces, as {@link #of(FakeXApi.Tweet)}. */
  public static String of(FakeMastodon.Status status) {
    return ofText(status.text());
  }

  /**
   * The paper a Bluesky post announces: by its link facet's URI, since the visible link may be
   * shortened; null without one.
   */
  public static String of(FakeBluesky.Created post) {
    for (JsonNode facet : post.record().path("facets")) {
      for (JsonNode feature : facet.path("features")) {
        if (feature.path("$type").asText().equals("app.bsky.richtext.facet#link")) {
          return ofText(feature.path("uri").asText());
        }
      }
    }
    return null;
  }

  private static String ofText(String text) {
    Matcher link = LINK.matcher(text);
    if (!link.find()) {
      return null;
    }
    String url = link.group();
    if (url.startsWith("https://doi.org/")) {
      return "doi:"
          + URLDecoder.decode(url.substring("https://doi.org/".length()), StandardCharsets.UTF_8);
    }
    return "link:" + url;
  }
}

package org.paperboy.testing;

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
    Matcher link = LINK.matcher(tweet.text());
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

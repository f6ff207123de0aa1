package org.paperboy.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes entry links canonical, so that one paper has one link: tracking parameters removed, PubMed
 * links reduced to {@code https://pubmed.ncbi.nlm.nih.gov/<PMID>/}, arXiv links turned to the
 * abstract page, relative links resolved against the feed.
 */
final class Links {

  // Parameters that only say where a click came from: utm_* (Google Analytics), PubMed's fc/ff/v
  // and utm_content, Wiley's af=R, ScienceDirect's dgcid, OUP's rss=1, bioRxiv's rss=1.
  private static final Set<String> TRACKING =
      Set.of(
          "fc",
          "ff",
          "v",
          "af",
          "rss",
          "dgcid",
          "src",
          "ref",
          "source",
          "feed",
          "via",
          "cmp",
          "fbclid",
          "gclid",
          "mc_cid",
          "mc_eid",
          "campaign",
          "ito",
          "sf",
          "sfx");
  private static final Pattern PUBMED = Pattern.compile("^/(\\d{1,9})/?$");
  private static final Pattern ARXIV = Pattern.compile("^/(?:abs|pdf|html)/(.+?)(?:\\.pdf)?$");

  private Links() {}

  /** The canonical form of {@code link}, resolved against {@code base}; {@code null} for null. */
  static String canonical(String link, URI base) {
    if (link == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(link.strip().replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return link.strip();
    }
    if (!uri.isAbsolute()) {
      if (base == null || !isHttp(base)) {
        return link.strip();
      }
      uri = base.resolve(uri);
    }
    if (!isHttp(uri) || uri.getHost() == null) {
      return uri.toString();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    Matcher pubmed = PUBMED.matcher(uri.getPath() == null ? "" : uri.getPath());
    if (host.equals("pubmed.ncbi.nlm.nih.gov") && pubmed.matches()) {
      return "https://pubmed.ncbi.nlm.nih.gov/" + pubmed.group(1) + "/";
    }
    Matcher arxiv = ARXIV.matcher(uri.getPath() == null ? "" : uri.getPath());
    if ((host.equals("arxiv.org") || host.endsWith(".arxiv.org")) && arxiv.matches()) {
      return "https://arxiv.org/abs/" + arxiv.group(1);
    }
    String query = withoutTracking(uri.getRawQuery());
    try {
      return new URI(uri.getScheme(), uri.getRawAuthority(), uri.getRawPath(), null, null)
              .toString()
          + (query.isEmpty() ? "" : "?" + query)
          + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    } catch (URISyntaxException e) {
      return uri.toString();
    }
  }

  private static String withoutTracking(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : query.split("&")) {
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (!name.startsWith("utm_") && !TRACKING.contains(name) && !pair.isEmpty()) {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }
}

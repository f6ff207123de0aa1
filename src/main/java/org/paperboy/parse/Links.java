package org.paperboy.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes entry links canonical, so that one paper has one link: tracking parameters removed where
 * they are known to track ({@link TrackingParameters}), PubMed links reduced to {@code
 * https://pubmed.ncbi.nlm.nih.gov/<PMID>/}, arXiv links turned to the abstract page, relative links
 * resolved against the feed.
 */
final class Links {

  private static final Pattern PUBMED = Pattern.compile("^/(\\d{1,9})/?$");
  private static final Pattern ARXIV = Pattern.compile("^/(?:abs|pdf|html)/(.+?)(?:\\.pdf)?$");

  private Links() {}

  /** The canonical form of {@code link}, resolved against {@code base}; {@code null} for null. */
  static String canonical(String link, URI base) {
    return canonical(link, base, Set.of());
  }

  /**
   * The canonical form of {@code link}, keeping the tracking parameters named in {@code keep}
   * (lower case) because they alone tell two entries apart.
   */
  static String canonical(String link, URI base, Set<String> keep) {
    URI uri = resolved(link, base);
    if (uri == null || !uri.isAbsolute()) {
      return link == null ? null : link.strip();
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
    String query = withoutTracking(host, uri.getRawQuery(), keep);
    try {
      return new URI(uri.getScheme(), uri.getRawAuthority(), uri.getRawPath(), null, null)
              .toString()
          + (query.isEmpty() ? "" : "?" + query)
          + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    } catch (URISyntaxException e) {
      return uri.toString();
    }
  }

  /**
   * The query parameters of {@code link} as written, by lower-case name (the first of each name);
   * empty when it has none or is not a URL.
   */
  static Map<String, String> parameters(String link, URI base) {
    URI uri = resolved(link, base);
    Map<String, String> parameters = new LinkedHashMap<>();
    if (uri == null || uri.getRawQuery() == null) {
      return parameters;
    }
    for (String pair : uri.getRawQuery().split("&")) {
      String[] nameAndValue = pair.split("=", 2);
      parameters.putIfAbsent(
          nameAndValue[0].toLowerCase(Locale.ROOT), nameAndValue.length > 1 ? nameAndValue[1] : "");
    }
    return parameters;
  }

  /** {@code link} as an absolute URI where it can be one, else as written; null when unreadable. */
  private static URI resolved(String link, URI base) {
    if (link == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(link.strip().replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return null;
    }
    if (!uri.isAbsolute() && base != null && isHttp(base)) {
      uri = base.resolve(uri);
    }
    return uri;
  }

  private static String withoutTracking(String host, String query, Set<String> keep) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : query.split("&")) {
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (!pair.isEmpty() && (keep.contains(name) || !TrackingParameters.isTracking(host, name))) {
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

package org.paperboy.parse;

import java.util.List;
import java.util.Locale;

/**
 * The query parameters that only say where a click came from, each on the hosts where that is
 * known. Any other parameter may be what names the article (CNKI's {@code v=}, PLOS's {@code id=},
 * cnjournals' {@code file_no=}) and is kept: one list of names dropped on every host made CNKI's
 * twenty articles one link, and so one paper.
 */
final class TrackingParameters {

  /**
   * A parameter, or every parameter starting with a prefix, that is tracking on some hosts.
   *
   * @param name the name (or prefix), lower case
   * @param prefix whether {@code name} is a prefix
   * @param hosts the hosts (and their subdomains) where it tracks; empty for every host
   */
  private record Rule(String name, boolean prefix, List<String> hosts) {

    boolean drops(String host, String parameter) {
      boolean named = prefix ? parameter.startsWith(name) : parameter.equals(name);
      return named && (hosts.isEmpty() || hosts.stream().anyMatch(h -> isOrUnder(host, h)));
    }
  }

  private static final List<Rule> RULES =
      List.of(
          // Google Analytics' campaign parameters, on any site:
          // https://support.google.com/analytics/answer/10917952 (PubMed's links carry five).
          new Rule("utm_", true, List.of()),
          // Click identifiers that ad and mail platforms append to any link: Google Ads'
          // auto-tagging (gclid), Meta's (fbclid), Microsoft Advertising's (msclkid), Mailchimp's
          // campaign and member ids (mc_cid, mc_eid).
          new Rule("gclid", false, List.of()),
          new Rule("fbclid", false, List.of()),
          new Rule("msclkid", false, List.of()),
          new Rule("mc_cid", false, List.of()),
          new Rule("mc_eid", false, List.of()),
          // PubMed's RSS items: fc (the feed's creation time), ff (its fetch time) and v (the
          // RSS generator's version), observed in pubmed.ncbi.nlm.nih.gov/rss feeds
          // (fixture pubmed_search-new-species.xml).
          new Rule("fc", false, List.of("pubmed.ncbi.nlm.nih.gov")),
          new Rule("ff", false, List.of("pubmed.ncbi.nlm.nih.gov")),
          new Rule("v", false, List.of("pubmed.ncbi.nlm.nih.gov")),
          // Atypon's feeds mark each link af=R: Wiley Online Library, its society subdomains
          // (agupubs.onlinelibrary.wiley.com…) and Taylor & Francis (fixtures wiley_taxon.xml,
          // tandf_studies-neotrop-fauna.xml).
          new Rule("af", false, List.of("onlinelibrary.wiley.com", "tandfonline.com")),
          // ScienceDirect's RSS: dgcid=rss_sd_all (fixture elsevier_sciencedirect_*.xml).
          new Rule("dgcid", false, List.of("sciencedirect.com")),
          // rss=1 from HighWire's feeds (Science, bioRxiv, medRxiv) and Oxford Academic's, and
          // rss=yes from Elsevier's health journals (fixtures science_aaas_*.xml,
          // biorxiv_genomics_*.xml, oup_bot-j-linn-soc.xml, elsevier-health_jpeds_*.xml).
          new Rule(
              "rss",
              false,
              List.of(
                  "sciencemag.org",
                  "science.org",
                  "biorxiv.org",
                  "medrxiv.org",
                  "academic.oup.com",
                  "jpeds.com")),
          // The Microbiology Society's feeds (IJSEM, Microbiology, JGV…) append TRACK=RSS.
          new Rule("track", false, List.of("microbiologyresearch.org")));

  private TrackingParameters() {}

  /** True when {@code parameter} only tracks clicks on {@code host}; both in any case. */
  static boolean isTracking(String host, String parameter) {
    String name = parameter.toLowerCase(Locale.ROOT);
    String lowerHost = host.toLowerCase(Locale.ROOT);
    for (Rule rule : RULES) {
      if (rule.drops(lowerHost, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOrUnder(String host, String domain) {
    return host.equals(domain)
        || host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.';
  }
}

package org.paperboy.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A whole, valid configuration.
 *
 * @param source the root file it was loaded from
 * @param files the root file and every file it includes, to watch for changes
 * @param database where state is kept
 * @param fetch how feeds are fetched
 * @param http the operators' HTTP server
 * @param jsonLogs log one JSON object per line rather than plain lines
 * @param accounts the accounts by id, in file order
 * @param feeds the feeds by id, in file order
 */
public record PaperboyConfig(
    Path source,
    java.util.Set<Path> files,
    DatabaseConfig database,
    FetchConfig fetch,
    HttpConfig http,
    boolean jsonLogs,
    Map<String, AccountConfig> accounts,
    Map<String, FeedConfig> feeds) {

  public PaperboyConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(http, "http");
    files = java.util.Set.copyOf(files);
    accounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accounts));
    feeds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(feeds));
    for (FeedConfig feed : feeds.values()) {
      if (!accounts.containsKey(feed.accountId())) {
        throw new IllegalArgumentException(
            "feed " + feed.id() + " names a missing account: " + feed.accountId());
      }
    }
  }
}

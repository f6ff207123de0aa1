package org.paperboy.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A whole, valid configuration.
 *
 * @param source the root file it was loaded from
 * @param files the root file and every file it includes, to watch for changes
 * @param database where state is kept
 * @param fetch how feeds are fetched
 * @param http the operators' HTTP server
 * @param dashboard the maintainers' dashboard, served on that server
 * @param jsonLogs log one JSON object per line rather than plain lines
 * @param accounts the accounts by id, in file order
 * @param feeds the feeds by id, in file order
 */
public record PaperboyConfig(
    Path source,
    Set<Path> files,
    DatabaseConfig database,
    FetchConfig fetch,
    HttpConfig http,
    DashboardConfig dashboard,
    boolean jsonLogs,
    Map<String, AccountConfig> accounts,
    Map<String, FeedConfig> feeds) {

  public PaperboyConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(dashboard, "dashboard");
    files = Set.copyOf(files);
    accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
    feeds = Collections.unmodifiableMap(new LinkedHashMap<>(feeds));
    for (FeedConfig feed : feeds.values()) {
      for (String accountId : feed.accountIds()) {
        if (!accounts.containsKey(accountId)) {
          throw new IllegalArgumentException(
              "feed " + feed.id() + " names a missing account: " + accountId);
        }
      }
    }
  }
}

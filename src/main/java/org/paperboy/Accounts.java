package org.paperboy;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.paperboy.config.AccountConfig;
import org.paperboy.config.PlatformSettings;
import org.paperboy.model.SessionStore;
import org.paperboy.model.TextRules;
import org.paperboy.observe.Metrics;
import org.paperboy.platform.bluesky.BlueskyPublisher;
import org.paperboy.platform.bluesky.BlueskyText;
import org.paperboy.platform.console.ConsolePublisher;
import org.paperboy.platform.mastodon.MastodonInstance;
import org.paperboy.platform.mastodon.MastodonPublisher;
import org.paperboy.platform.mastodon.MastodonText;
import org.paperboy.platform.x.OAuthSigner;
import org.paperboy.platform.x.XPublisher;
import org.paperboy.platform.x.XText;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.Publisher;

/**
 * Each account's platform, built from its settings: how its posts are written (its {@link
 * TextRules}) and where they go (its {@link Publisher}). The one place that knows every platform; a
 * new platform is a package of its own and a case here. Built once per process, so that what an
 * account's platform told Paperboy (a Mastodon instance's limits) outlives a config reload.
 */
final class Accounts {

  private static final Duration POST_TIMEOUT = Duration.ofSeconds(30);

  /** An account's platform: how its text is counted, and where its posts go. */
  record Platform(TextRules rules, Publisher publisher) {}

  private final Clock clock;
  private final PrintStream console;
  private final SessionStore sessions;
  // Built when first asked for: twitter-text's start-up is spared the commands that count nothing.
  private XText x;
  private final Map<String, MastodonInstance> instances = new ConcurrentHashMap<>();

  /**
   * @param console where console accounts print their posts
   * @param sessions where Bluesky sessions are kept
   */
  Accounts(Clock clock, PrintStream console, SessionStore sessions) {
    this.clock = clock;
    this.console = console;
    this.sessions = sessions;
  }

  /** The platform of {@code account}. */
  Platform of(AccountConfig account, Metrics metrics) {
    PlatformSettings settings = account.settings();
    TextRules rules = rules(account);
    if (settings instanceof PlatformSettings.X keys) {
      return new Platform(
          rules,
          new XPublisher(
              account.id(),
              keys.apiBaseUrl(),
              new OAuthSigner(
                  keys.credentials().consumerKey(),
                  keys.credentials().consumerSecret(),
                  keys.credentials().accessToken(),
                  keys.credentials().accessTokenSecret()),
              POST_TIMEOUT,
              remaining -> metrics.rateLimitRemaining(account.id(), remaining)));
    }
    if (settings instanceof PlatformSettings.Mastodon mastodon) {
      return new Platform(
          rules,
          new MastodonPublisher(
              mastodon.instanceUrl(),
              instance(account, mastodon),
              mastodon.accessToken(),
              mastodon.visibility(),
              mastodon.language(),
              http(account)));
    }
    if (settings instanceof PlatformSettings.Bluesky bluesky) {
      return new Platform(
          rules,
          new BlueskyPublisher(
              account.id(),
              bluesky.serviceUrl(),
              bluesky.identifier(),
              bluesky.appPassword(),
              bluesky.language(),
              sessions,
              http(account)));
    }
    return new Platform(rules, new ConsolePublisher(console));
  }

  /**
   * How {@code account}'s platform counts and reads a post's text, without what posts to it: for
   * measuring posts and edits.
   */
  TextRules rules(AccountConfig account) {
    PlatformSettings settings = account.settings();
    if (settings instanceof PlatformSettings.Mastodon mastodon) {
      return new MastodonText(instance(account, mastodon));
    }
    if (settings instanceof PlatformSettings.Bluesky) {
      return new BlueskyText();
    }
    // X, and the console, which prints posts as X would take them.
    return x();
  }

  /** The one X text counter, whose caches all X and console accounts share. */
  private synchronized XText x() {
    if (x == null) {
      x = new XText();
    }
    return x;
  }

  /** The account's instance and its limits, one for all the accounts of an instance. */
  private MastodonInstance instance(AccountConfig account, PlatformSettings.Mastodon mastodon) {
    return instances.computeIfAbsent(
        mastodon.instanceUrl().toString(),
        url -> new MastodonInstance(mastodon.instanceUrl(), http(account), clock));
  }

  private static PlatformHttp http(AccountConfig account) {
    return new PlatformHttp(
        "account " + account.id() + " on " + account.platform().configName(), POST_TIMEOUT);
  }
}

package org.paperboy.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The config the service tests share: a database block and the {@code lab} account posting to a
 * fake X, whose keys come from the environment as an operator's would. Each test adds its feeds.
 */
public final class TestConfig {

  /** The lab account's secrets: distinctive, so that a test can tell they were never printed. */
  public static final String CONSUMER_SECRET = "lab-consumer-secret-0451";

  public static final String ACCESS_TOKEN_SECRET = "lab-token-secret-0452";

  /** The lab's Mastodon access token. */
  public static final String MASTODON_TOKEN = "lab-mastodon-token-0453";

  /** The lab's Bluesky app password, in Bluesky's own shape. */
  public static final String BLUESKY_APP_PASSWORD = "lab0-sky0-pass-0454";

  /**
   * The variables the blocks substitute: the lab accounts' keys, token and app password, and
   * PostgreSQL's user and password.
   */
  public static final Map<String, String> ENVIRONMENT =
      Map.of(
          "MASTODON_LAB_TOKEN",
          MASTODON_TOKEN,
          "BLUESKY_LAB_APP_PASSWORD",
          BLUESKY_APP_PASSWORD,
          "X_LAB_CONSUMER_KEY",
          "lab-consumer-key",
          "X_LAB_CONSUMER_SECRET",
          CONSUMER_SECRET,
          "X_LAB_ACCESS_TOKEN",
          "lab-access-token",
          "X_LAB_ACCESS_TOKEN_SECRET",
          ACCESS_TOKEN_SECRET,
          "PAPERBOY_DB_USER",
          "postgres",
          "PAPERBOY_DB_PASSWORD",
          "postgres");

  /** The variables {@code config/example.conf} names, with made-up values. */
  public static final Map<String, String> EXAMPLE_ENVIRONMENT =
      Map.of(
          "X_LAB_CONSUMER_KEY", "k",
          "X_LAB_CONSUMER_SECRET", "s",
          "X_LAB_ACCESS_TOKEN", "t",
          "X_LAB_ACCESS_TOKEN_SECRET", "ts",
          "MASTODON_LAB_MASTODON_ACCESS_TOKEN", "m",
          "BLUESKY_LAB_BLUESKY_APP_PASSWORD", "b");

  private TestConfig() {}

  /** A fake X that accepts what the lab account signs with the keys in {@link #ENVIRONMENT}. */
  public static FakeXApi labX() throws IOException {
    return new FakeXApi(
        "lab-consumer-key", CONSUMER_SECRET, "lab-access-token", ACCESS_TOKEN_SECRET);
  }

  /** A fake Mastodon instance that accepts the lab's token from {@link #ENVIRONMENT}. */
  public static FakeMastodon labMastodon() throws IOException {
    return new FakeMastodon(MASTODON_TOKEN);
  }

  /** A fake PDS holding {@code lab.bsky.social}, which logs in with the app password above. */
  public static FakeBluesky labBluesky() throws IOException {
    return new FakeBluesky("lab.bsky.social", BLUESKY_APP_PASSWORD);
  }

  /** The embedded database in the file {@code db} (H2 adds its own extension). */
  public static String h2(Path db) {
    return "paperboy.database.url = \"jdbc:h2:file:" + db + "\"\n";
  }

  /** The PostgreSQL database at {@code url}, its user and password from the environment. */
  public static String postgres(String url) {
    return "paperboy.database { url = \""
        + url
        + "\", user = ${PAPERBOY_DB_USER}, password = ${PAPERBOY_DB_PASSWORD} }\n";
  }

  /**
   * The {@code lab} account on {@code x}, with {@code settings}: HOCON fields such as {@code
   * min-spacing = 0s}, one per line.
   */
  public static String labAccount(FakeXApi x, String settings) {
    return """
        paperboy.accounts.lab {
          platform = x
          api-base-url = "%s"
          consumer-key = ${X_LAB_CONSUMER_KEY}
          consumer-secret = ${X_LAB_CONSUMER_SECRET}
          access-token = ${X_LAB_ACCESS_TOKEN}
          access-token-secret = ${X_LAB_ACCESS_TOKEN_SECRET}
        %s
        }
        """
        .formatted(x.baseUrl(), settings.strip().indent(2).stripTrailing());
  }

  /**
   * The account {@code id} on {@code mastodon}, with {@code settings} as for {@link #labAccount}.
   */
  public static String mastodonAccount(String id, FakeMastodon mastodon, String settings) {
    return """
        paperboy.accounts.%s {
          platform = mastodon
          instance-url = "%s"
          access-token = ${MASTODON_LAB_TOKEN}
        %s
        }
        """
        .formatted(id, mastodon.baseUrl(), settings.strip().indent(2).stripTrailing());
  }

  /**
   * The account {@code id} on {@code bluesky}, with {@code settings} as for {@link #labAccount}.
   */
  public static String blueskyAccount(String id, FakeBluesky bluesky, String settings) {
    return """
        paperboy.accounts.%s {
          platform = bluesky
          service-url = "%s"
          identifier = "%s"
          app-password = ${BLUESKY_LAB_APP_PASSWORD}
        %s
        }
        """
        .formatted(
            id, bluesky.baseUrl(), bluesky.handle(), settings.strip().indent(2).stripTrailing());
  }
}

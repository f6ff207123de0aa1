package org.paperboy.config;

import java.net.URI;
import java.util.Objects;
import org.paperboy.model.Budget;

/** What an account needs to reach its platform: one record per platform, secrets never printed. */
public sealed interface PlatformSettings {

  /**
   * An X account.
   *
   * @param apiBaseUrl the X API's base URL
   * @param credentials its OAuth 1.0a keys
   * @param budget what it may spend a month, or {@code null} for no budget
   */
  record X(URI apiBaseUrl, XCredentials credentials, Budget budget) implements PlatformSettings {
    public X {
      Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
      Objects.requireNonNull(credentials, "credentials");
    }
  }

  /**
   * A Mastodon account.
   *
   * @param instanceUrl its instance
   * @param accessToken an application's token with write:statuses and write:media
   * @param visibility {@code public} or {@code unlisted}
   * @param language its posts' language, ISO 639-1, or {@code null}
   */
  record Mastodon(URI instanceUrl, String accessToken, String visibility, String language)
      implements PlatformSettings {
    public Mastodon {
      Objects.requireNonNull(instanceUrl, "instanceUrl");
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(visibility, "visibility");
    }

    @Override
    public String toString() {
      return "Mastodon[" + instanceUrl + ", " + visibility + ", " + language + ", <redacted>]";
    }
  }

  /**
   * A Bluesky account.
   *
   * @param serviceUrl its PDS
   * @param identifier its handle
   * @param appPassword an app password
   * @param language its posts' language, or {@code null}
   */
  record Bluesky(URI serviceUrl, String identifier, String appPassword, String language)
      implements PlatformSettings {
    public Bluesky {
      Objects.requireNonNull(serviceUrl, "serviceUrl");
      Objects.requireNonNull(identifier, "identifier");
      Objects.requireNonNull(appPassword, "appPassword");
    }

    @Override
    public String toString() {
      return "Bluesky[" + serviceUrl + ", " + identifier + ", " + language + ", <redacted>]";
    }
  }

  /** The console: nothing to reach. */
  record Console() implements PlatformSettings {}
}

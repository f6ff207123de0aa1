package org.paperboy.config;

import java.util.Objects;

/** An X account's OAuth 1.0a user-context keys, read from the environment. Never printed. */
public record XCredentials(
    String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {

  public XCredentials {
    Objects.requireNonNull(consumerKey, "consumerKey");
    Objects.requireNonNull(consumerSecret, "consumerSecret");
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(accessTokenSecret, "accessTokenSecret");
  }

  @Override
  public String toString() {
    return "XCredentials[<redacted>]";
  }
}

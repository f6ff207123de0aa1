package org.paperboy.platform.x;

import twitter4j.HttpParameter;
import twitter4j.HttpRequest;
import twitter4j.RequestMethod;
import twitter4j.auth.AccessToken;
import twitter4j.auth.OAuthAuthorization;
import twitter4j.conf.ConfigurationBuilder;

/**
 * Signs X API requests with OAuth 1.0a user context (HMAC-SHA1), using twitter4j-core's signer. A
 * JSON body is not part of the signature base string (RFC 5849 §3.4.1.3 covers only form-encoded
 * bodies), so only the method and URL are signed. Thread-safe: each header is built from a fresh
 * nonce and timestamp.
 */
public final class OAuthSigner {

  private final OAuthAuthorization authorization;

  public OAuthSigner(
      String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {
    ConfigurationBuilder configuration =
        new ConfigurationBuilder()
            .setDebugEnabled(false)
            .setOAuthConsumerKey(consumerKey)
            .setOAuthConsumerSecret(consumerSecret)
            .setOAuthAccessToken(accessToken)
            .setOAuthAccessTokenSecret(accessTokenSecret);
    this.authorization = new OAuthAuthorization(configuration.build());
    this.authorization.setOAuthAccessToken(new AccessToken(accessToken, accessTokenSecret));
  }

  /** The {@code Authorization} header for a request with no form or query parameters. */
  public String authorization(String method, String url) {
    RequestMethod requestMethod = RequestMethod.valueOf(method);
    return authorization.getAuthorizationHeader(
        new HttpRequest(requestMethod, url, new HttpParameter[0], authorization, null));
  }

  @Override
  public String toString() {
    return "OAuthSigner[<redacted>]";
  }
}

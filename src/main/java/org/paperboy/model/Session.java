package org.paperboy.model;

import java.util.Objects;

/**
 * A logged-in session with a platform that gives one (Bluesky): kept across restarts, since logging
 * in is rate-limited and a refresh token serves once. Never printed.
 *
 * @param did the account's id on the platform
 * @param accessJwt the token requests carry, good for a couple of hours
 * @param refreshJwt the token that gets a new pair, good once
 */
public record Session(String did, String accessJwt, String refreshJwt) {

  public Session {
    Objects.requireNonNull(did, "did");
    Objects.requireNonNull(accessJwt, "accessJwt");
    Objects.requireNonNull(refreshJwt, "refreshJwt");
  }

  @Override
  public String toString() {
    return "Session[" + did + ", <redacted>]";
  }
}

package org.paperboy.platform.bluesky;

import java.time.Instant;
import java.util.Optional;
import org.paperboy.model.SendFailure;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;

/**
 * What a PDS's error answers mean for Paperboy. XRPC errors come as {@code {"error","message"}}; a
 * 429 carries {@code RateLimit-Reset} in epoch seconds.
 */
final class BlueskyErrors {

  private BlueskyErrors() {}

  /** True when {@code answer} refuses an access token because it has expired. */
  static boolean expired(PlatformHttp.Answer answer) {
    return answer.status() == 400 && "ExpiredToken".equals(answer.json().path("error").asText());
  }

  /** The failure {@code answer} means, naming what Paperboy was doing and the PDS's own words. */
  static PublishException of(String who, PlatformHttp.Answer answer, String doing) {
    int status = answer.status();
    String error = answer.json().path("error").asText("");
    String words = answer.json().path("message").asText(answer.body());
    String message =
        who + ": Bluesky answered " + status + " " + error + " " + doing + ": " + words;
    if (status == 401 || "AuthenticationRequired".equals(error) || "InvalidToken".equals(error)) {
      return new PublishException(
          SendFailure.UNAUTHORIZED,
          message + "; check the account's identifier and app password",
          null);
    }
    if (status == 429) {
      Instant reset = answer.header("RateLimit-Reset").flatMap(BlueskyErrors::epoch).orElse(null);
      return new PublishException(SendFailure.RATE_LIMITED, message, reset);
    }
    // A token still refused as expired after renewing: not this post's fault; try it later.
    if (status >= 500 || "ExpiredToken".equals(error)) {
      return new PublishException(SendFailure.TRANSIENT, message, null);
    }
    return new PublishException(SendFailure.REJECTED, message, null);
  }

  private static Optional<Instant> epoch(String value) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

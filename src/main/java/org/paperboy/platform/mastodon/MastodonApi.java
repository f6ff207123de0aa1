package org.paperboy.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.paperboy.model.SendFailure;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;

/**
 * Requests to a Mastodon instance with the account's token, and what each answer means for
 * Paperboy: its JSON, or a {@link PublishException} of the right {@link SendFailure} carrying
 * Mastodon's own words. Thread-safe.
 */
final class MastodonApi {

  private final String accessToken;
  private final PlatformHttp http;

  MastodonApi(String accessToken, PlatformHttp http) {
    this.accessToken = accessToken;
    this.http = http;
  }

  HttpRequest.Builder authorised(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + accessToken);
  }

  /** The answer's JSON, or the failure it means, with Mastodon's own words. */
  JsonNode answer(PlatformHttp.Answer answer) throws PublishException {
    if (answer.ok()) {
      return answer.json();
    }
    int status = answer.status();
    String error = answer.json().path("error").asText(answer.body());
    String message = http.who() + ": Mastodon answered " + status + ": " + error;
    if (status == 401 || status == 403) {
      throw new PublishException(
          SendFailure.UNAUTHORIZED,
          message + "; check the access token and its scopes (write:statuses, write:media)",
          null);
    }
    if (status == 429) {
      // Mastodon's X-RateLimit-Reset is an ISO-8601 timestamp, not epoch seconds.
      Instant reset = answer.header("X-RateLimit-Reset").flatMap(MastodonApi::instant).orElse(null);
      throw new PublishException(SendFailure.RATE_LIMITED, message, reset);
    }
    if (status >= 500 || status == 408) {
      throw new PublishException(SendFailure.TRANSIENT, message, null);
    }
    throw new PublishException(SendFailure.REJECTED, message, null);
  }

  private static Optional<Instant> instant(String value) {
    try {
      return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

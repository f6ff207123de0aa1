package org.paperboy.platform.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.LongConsumer;
import org.paperboy.model.SendFailure;
import org.paperboy.publish.Multipart;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;

/**
 * The X API v2 over HTTP, each request signed with OAuth 1.0a user context ({@link OAuthSigner}),
 * each answer mapped to what it means for Paperboy: a JSON body, or a {@link PublishException} of
 * the right {@link SendFailure} carrying X's own words. Thread-safe.
 */
final class XClient {

  // X answers a repeated text with 403 and this detail (X API v2 "duplicate content" error).
  private static final String DUPLICATE = "duplicate content";

  private final String accountId;
  private final String base;
  private final OAuthSigner signer;
  private final LongConsumer remaining;
  private final PlatformHttp http;

  /**
   * @param apiBaseUrl the API's base URL, {@code https://api.x.com} in production
   * @param timeout the longest wait for an answer once connected
   * @param remaining told X's {@code x-rate-limit-remaining} after each answer that has it
   */
  XClient(
      String accountId,
      URI apiBaseUrl,
      OAuthSigner signer,
      Duration timeout,
      LongConsumer remaining) {
    this.accountId = accountId;
    this.base = apiBaseUrl.toString().replaceAll("/+$", "");
    this.signer = signer;
    this.remaining = remaining;
    this.http = new PlatformHttp("account " + accountId, timeout);
  }

  /** {@code POST path} with {@code body} as JSON (not part of the signature, RFC 5849 §3.4.1.3). */
  JsonNode post(String path, Object body) throws PublishException {
    URI uri = URI.create(base + path);
    return answer(
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", signer.authorization("POST", uri.toString()))
                .header("Content-Type", "application/json")
                .POST(PlatformHttp.jsonBody(body)),
            uri));
  }

  /** {@code POST path} with a multipart body, which is not part of the signature either. */
  JsonNode upload(String path, Multipart body) throws PublishException {
    URI uri = URI.create(base + path);
    return answer(
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", signer.authorization("POST", uri.toString()))
                .header("Content-Type", body.contentType())
                .POST(body.publisher()),
            uri));
  }

  /** {@code GET path?query}; the query's parameters are signed, as RFC 5849 §3.4.1.3 says. */
  JsonNode get(String path, Map<String, String> query) throws PublishException {
    StringJoiner parameters = new StringJoiner("&", "?", "");
    parameters.setEmptyValue("");
    query.forEach((name, value) -> parameters.add(encode(name) + "=" + encode(value)));
    URI uri = URI.create(base + path + parameters);
    return answer(
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", signer.authorization("GET", uri.toString()))
                .GET(),
            uri));
  }

  private JsonNode answer(PlatformHttp.Answer answer) throws PublishException {
    int status = answer.status();
    answer.header("x-rate-limit-remaining").flatMap(XClient::number).ifPresent(remaining::accept);
    if (answer.ok()) {
      return answer.json();
    }
    String detail = detail(answer.json(), answer.body());
    String message = "account " + accountId + ": X answered " + status + ": " + detail;
    if (status == 403 && detail.toLowerCase(Locale.ROOT).contains(DUPLICATE)) {
      throw new PublishException(SendFailure.DUPLICATE, message, null);
    }
    if (status == 429) {
      // x-rate-limit-reset is epoch seconds; X sends no Retry-After.
      Instant reset =
          answer
              .header("x-rate-limit-reset")
              .flatMap(XClient::number)
              .map(Instant::ofEpochSecond)
              .orElse(null);
      throw new PublishException(SendFailure.RATE_LIMITED, message, reset);
    }
    if (status == 401 || status == 403) {
      throw new PublishException(
          SendFailure.UNAUTHORIZED,
          message + "; check the account's keys and its app's read and write permission",
          null);
    }
    if (status >= 500 || status == 408) {
      throw new PublishException(SendFailure.TRANSIENT, message, null);
    }
    throw new PublishException(SendFailure.REJECTED, message, null);
  }

  private static Optional<Long> number(String value) {
    try {
      return Optional.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The API's own words: v2 problems carry {@code detail}, v1.1-style bodies {@code
   * errors[].message}; {@code title} is only the status's name.
   */
  private static String detail(JsonNode json, String body) {
    if (json.hasNonNull("detail")) {
      return json.get("detail").asText();
    }
    JsonNode errors = json.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      JsonNode first = errors.get(0);
      return first.path("message").asText(first.path("detail").asText(first.toString()));
    }
    if (json.hasNonNull("title")) {
      return json.get("title").asText();
    }
    String text = body == null ? "" : body.strip();
    return text.isEmpty() ? "(no body)" : text.length() > 200 ? text.substring(0, 200) : text;
  }

  /** RFC 3986 percent-encoding, as OAuth signs it (RFC 5849 §3.6). */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}

package org.paperboy.platform.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.paperboy.publish.Message;
import org.paperboy.publish.PublishException;
import org.paperboy.publish.Publisher;

/**
 * Posts to X with {@code POST /2/tweets} (twitter4j's own call is the retired v1.1 {@code
 * statuses/update}, which X refuses with 403 code 453), signed by {@link OAuthSigner}. Maps the
 * API's answers, as documented and as observed, to {@link PublishException.Kind}s. Thread-safe.
 */
public final class XPublisher implements Publisher {

  private static final ObjectMapper JSON = new ObjectMapper();
  // X answers a repeated text with 403 and this detail (X API v2 "duplicate content" error).
  private static final String DUPLICATE = "duplicate content";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;
  private final URI endpoint;
  private final OAuthSigner signer;
  private final Duration timeout;
  private final String accountId;
  private final LongConsumer remaining;

  /**
   * @param apiBaseUrl the API's base URL, {@code https://api.x.com} in production
   * @param timeout the longest wait for an answer once connected
   * @param remaining told X's {@code x-rate-limit-remaining} after each answer that has it
   */
  public XPublisher(
      String accountId,
      URI apiBaseUrl,
      OAuthSigner signer,
      Duration timeout,
      LongConsumer remaining) {
    this.remaining = remaining;
    this.accountId = accountId;
    String base = apiBaseUrl.toString().replaceAll("/+$", "");
    this.endpoint = URI.create(base + "/2/tweets");
    this.signer = signer;
    this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    this.timeout = timeout;
  }

  @Override
  public String publish(Message message) throws PublishException {
    String body;
    try {
      Map<String, Object> json =
          message.inReplyTo() == null
              ? Map.of("text", message.text())
              : Map.of(
                  "text",
                  message.text(),
                  "reply",
                  Map.of("in_reply_to_tweet_id", message.inReplyTo()));
      body = JSON.writeValueAsString(json);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a post as JSON", e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Authorization", signer.authorization("POST", endpoint.toString()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new PublishException(
          PublishException.Kind.TRANSIENT,
          "account " + accountId + ": cannot connect to " + endpoint + " (" + e + ")",
          null);
    } catch (IOException e) {
      // The request may have reached X before the connection failed: the post may exist.
      throw new PublishException(
          PublishException.Kind.AMBIGUOUS,
          "account " + accountId + ": no answer from " + endpoint + " (" + e + ")",
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException(
          PublishException.Kind.AMBIGUOUS,
          "account " + accountId + ": interrupted while posting to " + endpoint,
          null);
    }
    return answer(response);
  }

  private String answer(HttpResponse<String> response) throws PublishException {
    int status = response.statusCode();
    response
        .headers()
        .firstValue("x-rate-limit-remaining")
        .flatMap(XPublisher::number)
        .ifPresent(remaining::accept);
    JsonNode json = parse(response.body());
    if (status == 200 || status == 201) {
      String id = json.path("data").path("id").asText("");
      if (id.isEmpty()) {
        throw new PublishException(
            PublishException.Kind.AMBIGUOUS,
            "account " + accountId + ": X answered " + status + " without a post id",
            null);
      }
      return id;
    }
    String detail = detail(json, response.body());
    String message = "account " + accountId + ": X answered " + status + ": " + detail;
    if (status == 403 && detail.toLowerCase(Locale.ROOT).contains(DUPLICATE)) {
      throw new PublishException(PublishException.Kind.DUPLICATE, message, null);
    }
    if (status == 429) {
      // x-rate-limit-reset is epoch seconds; X sends no Retry-After.
      Instant reset =
          response
              .headers()
              .firstValue("x-rate-limit-reset")
              .flatMap(XPublisher::epochSeconds)
              .orElse(null);
      throw new PublishException(PublishException.Kind.RATE_LIMITED, message, reset);
    }
    if (status == 401 || status == 403) {
      throw new PublishException(
          PublishException.Kind.UNAUTHORIZED,
          message + "; check the account's keys and its app's write permission",
          null);
    }
    if (status >= 500 || status == 408) {
      throw new PublishException(PublishException.Kind.TRANSIENT, message, null);
    }
    throw new PublishException(PublishException.Kind.REJECTED, message, null);
  }

  private static Optional<Long> number(String value) {
    try {
      return Optional.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> epochSeconds(String value) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = JSON.readTree(body == null ? "" : body);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      return JSON.createObjectNode();
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
}

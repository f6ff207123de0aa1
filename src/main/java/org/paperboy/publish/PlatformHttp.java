package org.paperboy.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.paperboy.model.SendFailure;

/**
 * HTTP as every platform's client needs it: a request sent with a timeout, an answer read as JSON,
 * and the ways a request can fail told apart: one that never reached the platform ({@link
 * SendFailure#TRANSIENT}) from one that went out and got no answer ({@link SendFailure#NO_ANSWER}),
 * after which a post may exist. Thread-safe.
 */
public final class PlatformHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * What the platform answered.
   *
   * @param status the HTTP status
   * @param json the body as JSON; an empty object when it is not JSON
   * @param body the body as text
   * @param headers the response headers
   */
  public record Answer(int status, JsonNode json, String body, HttpHeaders headers) {

    public boolean ok() {
      return status >= 200 && status <= 299;
    }

    /** A header's first value, its name in any case (RFC 9110 §5.1). */
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  private final String who;
  private final Duration timeout;
  // HTTP/1.1: over plain http the client would ask for an h2c upgrade, which a PDS (and other
  // servers behind plain http, as in tests or on a private network) drops without an answer.
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT)
          .build();

  /**
   * @param who how messages name the account and platform: {@code account lab on Mastodon}
   * @param timeout the longest wait for an answer once connected
   */
  public PlatformHttp(String who, Duration timeout) {
    this.who = who;
    this.timeout = timeout;
  }

  /** Sends {@code request}; any answer comes back, whatever its status. */
  public Answer send(HttpRequest.Builder request, URI uri) throws PublishException {
    HttpResponse<String> response;
    try {
      response =
          client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new PublishException(
          SendFailure.TRANSIENT, who + ": cannot connect to " + uri + " (" + e + ")", null);
    } catch (IOException e) {
      // The request may have reached the platform before the connection failed.
      throw new PublishException(
          SendFailure.NO_ANSWER, who + ": no answer from " + uri + " (" + e + ")", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException(
          SendFailure.NO_ANSWER, who + ": interrupted while waiting for " + uri, null);
    }
    return new Answer(
        response.statusCode(), json(response.body()), response.body(), response.headers());
  }

  /** {@code value} as a JSON body. */
  public static HttpRequest.BodyPublisher jsonBody(Object value) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a request as JSON", e);
    }
  }

  /** How messages name the account and platform. */
  public String who() {
    return who;
  }

  private static JsonNode json(String body) {
    try {
      JsonNode node = JSON.readTree(body == null ? "" : body);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}

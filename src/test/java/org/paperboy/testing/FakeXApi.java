package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake X API v2 on 127.0.0.1 that answers {@code POST /2/tweets} as X does: it verifies the OAuth
 * 1.0a HMAC-SHA1 signature (RFC 5849) against the keys it was given, with its own implementation,
 * and answers 401 to a bad one; checks the JSON body; answers 201 with {@code
 * {"data":{"id","text"}}}, or 403 for duplicate text. Scripted answers can be queued ahead.
 */
public final class FakeXApi implements AutoCloseable {

  /** A post the fake accepted; {@code inReplyTo} is the id it replies to, or null. */
  public record Tweet(String id, String text, String inReplyTo) {}

  /** A canned answer for the next request. */
  public record Answer(int status, String body, Map<String, String> headers) {
    /** Answers as the real API would: lets one request through ahead of the next canned one. */
    public static final Answer AS_USUAL = new Answer(0, "", Map.of());

    /**
     * Creates the post as usual but answers only after {@code delay}: a client that gives up sooner
     * never learns that its post exists.
     */
    public static Answer slow(Duration delay) {
      return new Answer(-1, Long.toString(delay.toMillis()), Map.of());
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final HttpServer server;
  private final String consumerKey;
  private final String consumerSecret;
  private final String accessToken;
  private final String accessTokenSecret;
  private final List<Tweet> tweets = new CopyOnWriteArrayList<>();
  private final List<Integer> statuses = new CopyOnWriteArrayList<>();
  private final Deque<Answer> scripted = new ConcurrentLinkedDeque<>();
  private final AtomicLong ids = new AtomicLong(1_800_000_000_000_000_000L);
  private volatile long latency;

  public FakeXApi(
      String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret)
      throws IOException {
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
    this.accessToken = accessToken;
    this.accessTokenSecret = accessTokenSecret;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/2/tweets", this::handle);
    server.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The posts accepted so far, in order. */
  public List<Tweet> tweets() {
    return List.copyOf(tweets);
  }

  /** The status of every answer so far, in order. */
  public List<Integer> statuses() {
    return List.copyOf(statuses);
  }

  /**
   * Makes every accepted post answer only after {@code latency}, the post already recorded: a
   * client stopped in between posted without knowing it.
   */
  public void latency(Duration latency) {
    this.latency = latency.toMillis();
  }

  /** Answers the next request with {@code answer} (after checking its signature). */
  public void thenAnswer(Answer answer) {
    scripted.add(answer);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "{\"title\":\"Method Not Allowed\"}", Map.of());
        return;
      }
      String problem = signatureProblem(exchange);
      if (problem != null) {
        answer(
            exchange,
            401,
            "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\""
                + problem
                + "\"}",
            Map.of());
        return;
      }
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      JsonNode body;
      try {
        body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      } catch (IOException e) {
        body = null;
      }
      if (contentType == null
          || !contentType.startsWith("application/json")
          || body == null
          || !body.path("text").isTextual()
          || body.path("text").asText().isBlank()) {
        answer(
            exchange,
            400,
            "{\"title\":\"Invalid Request\",\"detail\":\"text is required\"}",
            Map.of());
        return;
      }
      long slowly = latency;
      Answer next = scripted.poll();
      if (next != null && next.status() == -1) {
        slowly = Long.parseLong(next.body());
      } else if (next != null && next != Answer.AS_USUAL) {
        answer(exchange, next.status(), next.body(), next.headers());
        return;
      }
      String text = body.get("text").asText();
      String inReplyTo = body.path("reply").path("in_reply_to_tweet_id").asText(null);
      if (inReplyTo != null && tweets.stream().noneMatch(t -> t.id().equals(inReplyTo))) {
        answer(
            exchange,
            400,
            "{\"title\":\"Invalid Request\",\"detail\":\"reply.in_reply_to_tweet_id: post "
                + inReplyTo
                + " does not exist\"}",
            Map.of());
        return;
      }
      if (tweets.stream().anyMatch(t -> t.text().equals(text))) {
        answer(
            exchange,
            403,
            "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\","
                + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}",
            Map.of());
        return;
      }
      Tweet tweet = new Tweet(Long.toString(ids.incrementAndGet()), text, inReplyTo);
      tweets.add(tweet);
      if (slowly > 0) {
        try {
          Thread.sleep(slowly);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      answer(
          exchange,
          201,
          JSON.writeValueAsString(Map.of("data", Map.of("id", tweet.id(), "text", text))),
          Map.of("x-rate-limit-limit", "100", "x-rate-limit-remaining", "99"));
    }
  }

  /** Why the request's OAuth header is wrong, or {@code null} when it is right. */
  private String signatureProblem(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("OAuth ")) {
      return "no OAuth Authorization header";
    }
    Map<String, String> params = new TreeMap<>();
    Matcher m = PARAM.matcher(header);
    while (m.find()) {
      params.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
    }
    String signature = params.remove("oauth_signature");
    if (signature == null) {
      return "no oauth_signature";
    }
    if (!"HMAC-SHA1".equals(params.get("oauth_signature_method"))) {
      return "oauth_signature_method is not HMAC-SHA1";
    }
    if (!consumerKey.equals(params.get("oauth_consumer_key"))) {
      return "unknown consumer key";
    }
    if (!accessToken.equals(params.get("oauth_token"))) {
      return "unknown access token";
    }
    // RFC 5849 §3.4.1: method & base URL & normalised parameters (the JSON body is not one).
    List<String> pairs = new ArrayList<>();
    params.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/2/tweets";
    String base = "POST&" + encode(baseUrl) + "&" + encode(String.join("&", pairs));
    String key = encode(consumerSecret) + "&" + encode(accessTokenSecret);
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] expected = mac.doFinal(base.getBytes(StandardCharsets.UTF_8));
      byte[] given = Base64.getDecoder().decode(signature);
      return MessageDigest.isEqual(expected, given) ? null : "bad signature";
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return "bad signature";
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private void answer(HttpExchange exchange, int status, String body, Map<String, String> headers)
      throws IOException {
    statuses.add(status);
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

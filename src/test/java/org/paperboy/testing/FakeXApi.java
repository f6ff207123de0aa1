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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake X API v2 on 127.0.0.1 that checks what X checks and answers as X answers. Every request's
 * OAuth 1.0a signature is verified ({@link OAuthVerifier}; 401 when wrong). {@code POST /2/tweets}
 * checks its JSON body and that a reply answers a post that exists, then answers 201 with {@code
 * {"data":{"id","text"}}}; a repeated text gets X's 403 "duplicate content" unless {@link
 * #acceptDuplicates()}. {@code GET /2/users/me} and {@code GET /2/users/:id/tweets} (newest first,
 * {@code start_time}, {@code max_results}, pagination) return posts as X keeps them ({@link
 * XStoredText}). It misbehaves on demand as X does: scripted answers, 503 on every n-th call, 429
 * windows with {@code x-rate-limit-reset}, slow answers, and posts recorded whose answer is then
 * dropped. It records every post it accepted, whatever it answered.
 */
public final class FakeXApi implements AutoCloseable {

  /** A post the fake accepted; {@code inReplyTo} is the id it replies to, or null. */
  public record Tweet(String id, String text, String inReplyTo, List<String> mediaIds) {
    public Tweet {
      mediaIds = List.copyOf(mediaIds);
    }
  }

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

    /**
     * Creates nothing and drops the connection without answering: the request went out and no
     * answer came, though no post exists.
     */
    public static final Answer DROPPED = new Answer(-2, "", Map.of());
  }

  /** The account's user id, as {@code GET /2/users/me} gives it. */
  public static final String USER_ID = "1600000000000000001";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final OAuthVerifier oauth;
  private final XStoredText stored = new XStoredText();
  private final FakeXMedia media = new FakeXMedia();
  private final List<Tweet> tweets = new CopyOnWriteArrayList<>();
  private final List<Instant> postedAt = new CopyOnWriteArrayList<>();
  private final List<Integer> statuses = new CopyOnWriteArrayList<>();
  private final Deque<Answer> scripted = new ConcurrentLinkedDeque<>();
  private final AtomicLong ids = new AtomicLong(1_800_000_000_000_000_000L);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final AtomicInteger posts = new AtomicInteger();
  private volatile long latency;
  private volatile boolean acceptDuplicates;
  private volatile int dropEvery;
  private volatile int failEvery;
  private volatile int failStatus;
  private volatile int limitEvery;
  private volatile Duration limitFor = Duration.ZERO;
  private volatile Instant limitedUntil = Instant.MIN;
  private volatile int lookupStatus;

  public FakeXApi(
      String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret)
      throws IOException {
    this.oauth = new OAuthVerifier(consumerKey, consumerSecret, accessToken, accessTokenSecret);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/2/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The posts accepted so far, in order, whether or not their answer was delivered. */
  public List<Tweet> tweets() {
    return List.copyOf(tweets);
  }

  /** When each accepted post was accepted, in order. */
  public List<Instant> postedAt() {
    return List.copyOf(postedAt);
  }

  /** The status of every answer so far, in order (a dropped answer has none). */
  public List<Integer> statuses() {
    return List.copyOf(statuses);
  }

  /** Requests being answered right now: a client killed now may have a post in flight. */
  public int inFlight() {
    return inFlight.get();
  }

  /** How many accepted posts had their answer dropped. */
  public int dropped() {
    return dropped.get();
  }

  /** The pictures uploaded, with the alt text set on each. */
  public List<FakeXMedia.Media> media() {
    return media.media();
  }

  /**
   * Makes every accepted post answer only after {@code latency}, the post already recorded: a
   * client stopped in between posted without knowing it.
   */
  public void latency(Duration latency) {
    this.latency = latency.toMillis();
  }

  /**
   * Accepts a text it holds already, as a platform without X's duplicate check would: a client that
   * sends a post twice then posts it twice, and the record shows it.
   */
  public void acceptDuplicates() {
    this.acceptDuplicates = true;
  }

  /** Records every {@code n}-th accepted post, then drops the connection without answering. */
  public void dropAnswerEvery(int n) {
    this.dropEvery = n;
  }

  /**
   * Answers every {@code n}-th call to {@code POST /2/tweets} with {@code status}, creating none.
   */
  public void failEvery(int n, int status) {
    this.failEvery = n;
    this.failStatus = status;
  }

  /**
   * After every {@code posts} accepted posts, answers 429 for {@code reset}, with {@code
   * x-rate-limit-reset} saying when the window ends, as X does.
   */
  public void rateLimitEvery(int posts, Duration reset) {
    this.limitEvery = posts;
    this.limitFor = reset;
  }

  /**
   * Refuses every media upload with 400 and {@code detail}, as X refuses a picture it cannot
   * process; {@code null} takes them again.
   */
  public void refuseMediaUploads(String detail) {
    media.refuseUploads(detail);
  }

  /** Answers every lookup ({@code GET}) with {@code status}; 0 answers them again. */
  public void failLookups(int status) {
    this.lookupStatus = status;
  }

  /** Answers the next post with {@code answer} (after checking its signature). */
  public void thenAnswer(Answer answer) {
    scripted.add(answer);
  }

  private void handle(HttpExchange exchange) throws IOException {
    inFlight.incrementAndGet();
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String problem =
          oauth.problem(
              exchange.getRequestMethod(),
              "http://127.0.0.1:" + server.getAddress().getPort(),
              uri,
              exchange.getRequestHeaders().getFirst("Authorization"));
      if (problem != null) {
        answer(exchange, 401, problem("Unauthorized", 401, problem), Map.of());
        return;
      }
      String path = uri.getPath();
      if (exchange.getRequestMethod().equals("POST") && path.equals("/2/tweets")) {
        post(exchange);
      } else if (exchange.getRequestMethod().equals("POST") && path.equals("/2/media/upload")) {
        FakeXMedia.Answer upload =
            media.upload(
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestBody().readAllBytes());
        answer(exchange, upload.status(), JSON.writeValueAsString(upload.body()), Map.of());
      } else if (exchange.getRequestMethod().equals("POST") && path.equals("/2/media/metadata")) {
        FakeXMedia.Answer metadata = media.metadata(exchange.getRequestBody().readAllBytes());
        answer(exchange, metadata.status(), JSON.writeValueAsString(metadata.body()), Map.of());
      } else if (exchange.getRequestMethod().equals("GET") && path.equals("/2/users/me")) {
        lookup(exchange, () -> Map.of("data", Map.of("id", USER_ID, "username", "lab")));
      } else if (exchange.getRequestMethod().equals("GET")
          && path.equals("/2/users/" + USER_ID + "/tweets")) {
        lookup(exchange, () -> timeline(query(uri)));
      } else {
        answer(exchange, 404, problem("Not Found", 404, "no route " + path), Map.of());
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private interface Body {
    Object get() throws IOException;
  }

  private void lookup(HttpExchange exchange, Body body) throws IOException {
    if (lookupStatus != 0) {
      answer(
          exchange, lookupStatus, problem("Service Unavailable", lookupStatus, "down"), Map.of());
      return;
    }
    try {
      answer(exchange, 200, JSON.writeValueAsString(body.get()), Map.of());
    } catch (IllegalArgumentException e) {
      answer(exchange, 400, problem("Invalid Request", 400, e.getMessage()), Map.of());
    }
  }

  private void post(HttpExchange exchange) throws IOException {
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
      answer(exchange, 400, problem("Invalid Request", 400, "text is required"), Map.of());
      return;
    }
    String text = body.get("text").asText();
    String inReplyTo = body.path("reply").path("in_reply_to_tweet_id").asText(null);
    JsonNode mediaIds = body.path("media").path("media_ids");
    String mediaProblem = media.problemWith(mediaIds);
    if (mediaProblem != null) {
      answer(exchange, 400, problem("Invalid Request", 400, mediaProblem), Map.of());
      return;
    }
    List<String> attached = new ArrayList<>();
    mediaIds.forEach(id -> attached.add(id.asText()));
    Tweet tweet;
    long slowly = latency;
    boolean drop;
    synchronized (this) {
      int call = posts.incrementAndGet();
      Answer next = scripted.poll();
      if (next != null && next.status() == -2) {
        return;
      }
      if (next != null && next.status() == -1) {
        slowly = Long.parseLong(next.body());
      } else if (next != null && next != Answer.AS_USUAL) {
        answer(exchange, next.status(), next.body(), next.headers());
        return;
      }
      if (failEvery > 0 && call % failEvery == 0) {
        answer(exchange, failStatus, problem("Service Unavailable", failStatus, "retry"), Map.of());
        return;
      }
      if (Instant.now().isBefore(limitedUntil)) {
        answer(
            exchange,
            429,
            problem("Too Many Requests", 429, "Too Many Requests"),
            Map.of(
                "x-rate-limit-limit", Integer.toString(limitEvery),
                "x-rate-limit-remaining", "0",
                "x-rate-limit-reset", Long.toString(limitedUntil.getEpochSecond())));
        return;
      }
      if (inReplyTo != null && tweets.stream().noneMatch(t -> t.id().equals(inReplyTo))) {
        answer(
            exchange,
            400,
            problem(
                "Invalid Request",
                400,
                "reply.in_reply_to_tweet_id: post " + inReplyTo + " does not exist"),
            Map.of());
        return;
      }
      if (!acceptDuplicates && tweets.stream().anyMatch(t -> t.text().equals(text))) {
        answer(
            exchange,
            403,
            problem(
                "Forbidden", 403, "You are not allowed to create a Tweet with duplicate content."),
            Map.of());
        return;
      }
      tweet = new Tweet(Long.toString(ids.incrementAndGet()), text, inReplyTo, attached);
      tweets.add(tweet);
      postedAt.add(Instant.now());
      if (limitEvery > 0 && tweets.size() % limitEvery == 0) {
        // X's reset is in whole epoch seconds: the window ends at the next second after it.
        limitedUntil = Instant.now().plus(limitFor).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
      }
      drop = dropEvery > 0 && tweets.size() % dropEvery == 0;
    }
    if (slowly > 0) {
      try {
        Thread.sleep(slowly);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (drop) {
      // The post exists, and the client hears nothing: closing the exchange before any headers
      // closes the connection.
      dropped.incrementAndGet();
      return;
    }
    answer(
        exchange,
        201,
        JSON.writeValueAsString(Map.of("data", Map.of("id", tweet.id(), "text", text))),
        Map.of("x-rate-limit-limit", "100", "x-rate-limit-remaining", "99"));
  }

  /** The account's posts newest first, as {@code GET /2/users/:id/tweets} pages them. */
  private Map<String, Object> timeline(Map<String, String> query) {
    int max = Integer.parseInt(query.getOrDefault("max_results", "10"));
    if (max < 5 || max > 100) {
      throw new IllegalArgumentException("max_results must be 5 to 100");
    }
    Instant start =
        query.containsKey("start_time") ? Instant.parse(query.get("start_time")) : Instant.MIN;
    boolean entities = query.getOrDefault("tweet.fields", "").contains("entities");
    List<Map<String, Object>> newestFirst = new ArrayList<>();
    for (int i = tweets.size() - 1; i >= 0; i--) {
      if (!postedAt.get(i).isBefore(start)) {
        newestFirst.add(stored.asKept(tweets.get(i), postedAt.get(i), entities));
      }
    }
    int from = Integer.parseInt(query.getOrDefault("pagination_token", "0"));
    List<Map<String, Object>> page =
        newestFirst.subList(
            Math.min(from, newestFirst.size()), Math.min(from + max, newestFirst.size()));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("result_count", page.size());
    if (from + max < newestFirst.size()) {
      meta.put("next_token", Integer.toString(from + max));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (!page.isEmpty()) {
      body.put("data", page);
    }
    body.put("meta", meta);
    return body;
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static String problem(String title, int status, String detail) throws IOException {
    return JSON.writeValueAsString(
        Map.of("title", title, "type", "about:blank", "status", status, "detail", detail));
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

package org.paperboy.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.testing.FakeHttp.Refusal;
import org.paperboy.testing.FakeHttp.Reply;

/**
 * A fake Mastodon 4.4 server on 127.0.0.1 with one account, {@code @paperboy@social.example}, that
 * checks what Mastodon checks and answers as it answers. Its bearer token is checked on every call
 * that needs one (401 {@code "The access token is invalid"}; {@code "... was revoked"} after {@link
 * #revokeToken()}: Mastodon's tokens never expire, they are revoked). {@code POST /api/v1/statuses}
 * takes JSON, url-encoded and multipart bodies and checks them as {@link MastodonStatuses} says;
 * {@code Idempotency-Key} is honoured as {@code PostStatusService} honours it. {@code POST
 * /api/v2/media} and {@code GET /api/v1/media/:id} behave as {@link MastodonMedia} says. {@code GET
 * /api/v2/instance} and {@code GET /api/v1/accounts/:id/statuses} need no token, as on Mastodon;
 * {@code GET /api/v1/accounts/verify_credentials} does. Token-checked answers carry {@code
 * X-RateLimit-*} headers, the reset an ISO 8601 time. Statuses misbehave on demand: canned answers,
 * failures, answers dropped after the status exists, 429 windows. Time is the given clock's.
 */
public final class FakeMastodon implements AutoCloseable {

  /**
   * A status the fake created: the exact {@code status} text sent, and the {@code visibility},
   * {@code language} and {@code in_reply_to_id} as sent (null when absent); {@code at} is when it
   * was created.
   */
  public record Status(
      String id,
      String text,
      String visibility,
      String language,
      String inReplyToId,
      List<String> mediaIds,
      String idempotencyKey,
      Instant at) {}

  /** An upload the fake took: its bytes, its part's type, its description (null when none). */
  public record Upload(String id, byte[] bytes, String contentType, String description) {}

  public static final String DOMAIN = "social.example";
  public static final String USERNAME = "paperboy";
  public static final String ACCOUNT_ID = "113398276158203941";

  private static final Pattern ACCOUNT_STATUSES =
      Pattern.compile("/api/v1/accounts/([^/]+)/statuses");
  private static final Pattern MEDIA = Pattern.compile("/api/v1/media/([^/]+)");

  private final HttpServer server;
  private final String accessToken;
  private final Clock clock;
  private final MastodonSettings settings = new MastodonSettings();
  private final Misbehaviour misbehaviour;
  private final MastodonMedia media;
  private final MastodonStatuses statuses;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong lastId = new AtomicLong();
  private volatile boolean revoked;
  private long windowStart;
  private int windowUsed;

  public FakeMastodon(String accessToken) throws IOException {
    this(accessToken, Clock.systemUTC());
  }

  public FakeMastodon(String accessToken, Clock clock) throws IOException {
    this.accessToken = accessToken;
    this.clock = clock;
    this.misbehaviour = new Misbehaviour(clock);
    this.media = new MastodonMedia(settings, this::nextId);
    this.statuses = new MastodonStatuses(clock, settings, media, misbehaviour, this::nextId);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The statuses created so far, in order, whether or not their answer was delivered. */
  public List<Status> statuses() {
    return statuses.statuses();
  }

  /** The uploads taken so far, in order. */
  public List<Upload> uploads() {
    return media.uploads();
  }

  /**
   * How many requests reached {@code endpoint}, named by method and path with ids as {@code :id}:
   * {@code "POST /api/v1/statuses"}, {@code "GET /api/v1/media/:id"}.
   */
  public int requests(String endpoint) {
    AtomicInteger n = requests.get(endpoint);
    return n == null ? 0 : n.get();
  }

  /** Requests being answered right now: a client killed now may have a status in flight. */
  public int inFlight() {
    return inFlight.get();
  }

  /** How many created statuses had their answer dropped. */
  public int dropped() {
    return misbehaviour.dropped();
  }

  /**
   * What this fake counts {@code text} as against {@code max_characters}, with its {@code
   * characters_reserved_per_url}: the count its statuses are checked by, for comparing in bulk.
   */
  public int length(String text) {
    return MastodonText.length(text, "", settings.charactersReservedPerUrl);
  }

  /** Sets {@code configuration.statuses.max_characters} and the length the fake enforces. */
  public void maxCharacters(int max) {
    settings.maxCharacters = max;
  }

  /** Sets {@code characters_reserved_per_url} and what a URL counts when the fake counts. */
  public void charactersReservedPerUrl(int chars) {
    settings.charactersReservedPerUrl = chars;
  }

  /**
   * Sets {@code configuration.media_attachments.image_size_limit}, which uploads must stay under.
   */
  public void imageSizeLimit(long bytes) {
    settings.imageSizeLimit = bytes;
  }

  /** Sets {@code description_limit}, the most characters an upload's description may have. */
  public void descriptionLimit(int chars) {
    settings.descriptionLimit = chars;
  }

  /** Sets {@code supported_mime_types}, the only types an upload may have. */
  public void supportedMimeTypes(String... types) {
    settings.supportedMimeTypes = List.of(types);
  }

  /** Makes {@code GET /api/v2/instance} answer 500 (or answer again), so a fallback can be seen. */
  public void failInstance(boolean fails) {
    settings.instanceFails = fails;
  }

  /**
   * Makes every upload answer 202 and its first {@code gets} {@code GET /api/v1/media/:id} answer
   * 206, as Mastodon does while it processes a video; a status naming it before then is refused.
   */
  public void processMediaFor(int gets) {
    settings.processingGets = gets;
  }

  /** Revokes the access token, as a user who removes the app from their account does. */
  public void revokeToken() {
    revoked = true;
  }

  /** Creates every {@code n}-th status, then closes the connection without answering. */
  public void dropAnswerEvery(int n) {
    misbehaviour.dropAnswerEvery(n);
  }

  /**
   * Answers every {@code n}-th {@code POST /api/v1/statuses} with {@code status}, creating none:
   * nginx's HTML page for 502 and 504, Mastodon's {@code {"error": ...}} otherwise.
   */
  public void failEvery(int n, int status) {
    misbehaviour.failEvery(n, status);
  }

  /** Ends {@link #failEvery}: the platform is back, writes are checked as usual again. */
  public void stopFailing() {
    misbehaviour.stopFailing();
  }

  /**
   * After every {@code posts} statuses, answers 429 for {@code reset}, with {@code
   * X-RateLimit-Reset} saying when, as Rack::Attack does.
   */
  public void rateLimitEvery(int posts, Duration reset) {
    misbehaviour.rateLimitEvery(posts, reset);
  }

  /** Answers the next {@code POST /api/v1/statuses} with {@code answer} (after its token). */
  public void thenAnswer(ScriptedAnswer answer) {
    misbehaviour.script(answer);
  }

  private void handle(HttpExchange exchange) throws IOException {
    inFlight.incrementAndGet();
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      requests
          .computeIfAbsent(
              method + " " + path.replaceAll("/\\d+(?=/|$)", "/:id"), k -> new AtomicInteger())
          .incrementAndGet();
      byte[] body = exchange.getRequestBody().readAllBytes();
      try {
        route(exchange, method, path, body);
      } catch (Refusal refusal) {
        FakeHttp.json(exchange, refusal.reply);
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void route(HttpExchange exchange, String method, String path, byte[] body)
      throws IOException, Refusal {
    Matcher accountStatuses = ACCOUNT_STATUSES.matcher(path);
    Matcher mediaId = MEDIA.matcher(path);
    if (method.equals("GET") && path.equals("/api/v2/instance")) {
      FakeHttp.json(
          exchange,
          settings.instanceFails
              ? new Reply(500, MastodonJson.error("Internal Server Error"))
              : new Reply(200, MastodonJson.instance(settings)));
    } else if (method.equals("GET") && path.equals("/api/v1/accounts/verify_credentials")) {
      Map<String, String> limits = authorize(exchange);
      FakeHttp.json(exchange, new Reply(200, MastodonJson.account(statuses.count()), limits));
    } else if (method.equals("GET") && accountStatuses.matches()) {
      if (!accountStatuses.group(1).equals(ACCOUNT_ID)) {
        throw new Refusal(404, MastodonJson.error("Record not found"));
      }
      // authorize_if_got_token!: a token Doorkeeper does not know reads as none, and sees public
      // statuses; the account's own token is checked, revoked or not.
      boolean owner = accessToken.equals(bearer(exchange));
      Map<String, String> limits = owner ? authorize(exchange) : Map.of();
      String base = "http://" + exchange.getRequestHeaders().getFirst("Host");
      Reply page =
          statuses.list(FakeHttp.form(exchange.getRequestURI().getRawQuery()), owner, base);
      Map<String, String> headers = new HashMap<>(limits);
      headers.putAll(page.headers());
      FakeHttp.json(exchange, new Reply(page.status(), page.body(), headers));
    } else if (method.equals("POST") && path.equals("/api/v1/statuses")) {
      statuses.create(exchange, body, authorize(exchange));
    } else if (method.equals("POST") && path.equals("/api/v2/media")) {
      Map<String, String> limits = authorize(exchange);
      List<Multipart.Part> parts;
      try {
        parts = Multipart.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body);
      } catch (IllegalArgumentException e) {
        throw new Refusal(
            400, MastodonJson.error("Error occurred while parsing request parameters"));
      }
      Reply reply = media.upload(parts);
      FakeHttp.json(exchange, new Reply(reply.status(), reply.body(), limits));
    } else if (method.equals("GET") && mediaId.matches()) {
      Map<String, String> limits = authorize(exchange);
      Reply reply = media.show(mediaId.group(1));
      FakeHttp.json(exchange, new Reply(reply.status(), reply.body(), limits));
    } else {
      // config/routes.rb sends unknown paths to raise_not_found; JSON gets the status's name.
      throw new Refusal(404, MastodonJson.error("Not Found"));
    }
  }

  private Map<String, String> authorize(HttpExchange exchange) throws Refusal {
    if (!accessToken.equals(bearer(exchange))) {
      throw unauthorized("The access token is invalid");
    }
    if (revoked) {
      throw unauthorized("The access token was revoked");
    }
    return rateLimitHeaders();
  }

  private static String bearer(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    return bearer ? header.substring(7).trim() : null;
  }

  // Doorkeeper's answer, through Api::BaseController#doorkeeper_unauthorized_render_options.
  private static Refusal unauthorized(String description) {
    return new Refusal(
        new Reply(
            401,
            MastodonJson.error(description),
            Map.of(
                "WWW-Authenticate",
                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\""
                    + description
                    + "\"")));
  }

  // Rack::Attack's throttle_per_token_api, 300 per 5 minutes, as Api::RateLimitHeaders reports it.
  private synchronized Map<String, String> rateLimitHeaders() {
    long now = clock.instant().getEpochSecond();
    long start = now - now % 300;
    if (start != windowStart) {
      windowStart = start;
      windowUsed = 0;
    }
    windowUsed++;
    return Map.of(
        "X-RateLimit-Limit", "300",
        "X-RateLimit-Remaining", Integer.toString(Math.max(0, 300 - windowUsed)),
        "X-RateLimit-Reset", MastodonJson.resetTime(Instant.ofEpochSecond(start + 300)));
  }

  // Mastodon's ids are snowflakes: milliseconds shifted left 16 bits, so they sort by time.
  private String nextId() {
    long candidate = clock.millis() << 16;
    return Long.toString(lastId.updateAndGet(last -> Math.max(last + 1, candidate)));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.paperboy.testing.FakeHttp.Refusal;

/**
 * A fake Bluesky PDS on 127.0.0.1 with one account, speaking the XRPC methods a poster needs and
 * checking what a PDS checks: sessions as {@link BlueskySessions} says (app password, 30 logins per
 * 5 minutes, refresh tokens rotated with a grace period, access tokens that expire on demand);
 * {@code createRecord} and {@code getRecord} as {@link BlueskyRepo} says, each post checked against
 * its lexicon ({@link BlueskyPostCheck}) and, unless {@link #checkOnlyWhatThePdsChecks()}, for the
 * mistakes a PDS stores silently ({@link BlueskyStrictCheck}); {@code uploadBlob} as {@link
 * BlueskyBlobs} says. Errors are {@code {"error","message"}} with a PDS's names and words. Records
 * misbehave on demand: canned answers, failures, answers dropped after the record exists, 429
 * windows with {@code RateLimit-Reset} in epoch seconds. Time is the given clock's.
 */
public final class FakeBluesky implements AutoCloseable {

  /**
   * A post the fake created: its record key, {@code at://} URI and cid, the {@code record} JSON as
   * sent, and when.
   */
  public record Created(String rkey, String uri, String cid, JsonNode record, Instant at) {
    @Override
    public JsonNode record() {
      return record.deepCopy();
    }
  }

  /**
   * A blob uploaded to the fake: its cid, the type the PDS took from its bytes, its size, the
   * {@code Content-Type} it came with, and its bytes.
   */
  public record Blob(String cid, String mimeType, int size, String contentType, byte[] bytes) {}

  private static final Set<String> PROCEDURES =
      Set.of(
          "com.atproto.server.createSession",
          "com.atproto.server.refreshSession",
          "com.atproto.repo.createRecord",
          "com.atproto.repo.uploadBlob");

  private final HttpServer server;
  private final String handle;
  private final String did;
  private final Misbehaviour misbehaviour;
  private final BlueskySessions sessions;
  private final BlueskyBlobs blobs = new BlueskyBlobs();
  private final BlueskyRepo repo;
  private final AtomicInteger inFlight = new AtomicInteger();

  /** A PDS holding the account {@code handle}, which logs in with {@code appPassword}. */
  public FakeBluesky(String handle, String appPassword) throws IOException {
    this(handle, appPassword, Clock.systemUTC());
  }

  public FakeBluesky(String handle, String appPassword, Clock clock) throws IOException {
    this.handle = handle;
    this.did = AtprotoSyntax.didPlc(handle);
    this.misbehaviour = new Misbehaviour(clock);
    this.sessions = new BlueskySessions(clock, did, handle, appPassword);
    this.repo = new BlueskyRepo(clock, did, handle, blobs, misbehaviour);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/xrpc/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public String did() {
    return did;
  }

  public String handle() {
    return handle;
  }

  /** The posts created so far, in order, whether or not their answer was delivered. */
  public List<Created> records() {
    return repo.posts();
  }

  /** The blobs uploaded so far. */
  public List<Blob> blobs() {
    return blobs.blobs();
  }

  /** Every {@code createSession} call, refused ones included: a client should log in once. */
  public int createSessionCalls() {
    return sessions.createSessionCalls();
  }

  /** The sessions created: the {@code createSession} calls that succeeded. */
  public int sessionsCreated() {
    return sessions.sessionsCreated();
  }

  /** Every {@code refreshSession} call, refused ones included. */
  public int refreshCalls() {
    return sessions.refreshCalls();
  }

  /** The {@code refreshSession} calls that succeeded. */
  public int refreshes() {
    return sessions.refreshes();
  }

  /** Requests being answered right now: a client killed now may have a record in flight. */
  public int inFlight() {
    return inFlight.get();
  }

  /** How many created records had their answer dropped. */
  public int dropped() {
    return misbehaviour.dropped();
  }

  /**
   * Expires every access token issued so far: each is answered 400 {@code ExpiredToken} "Token has
   * expired" from now on, as a PDS answers one past its 2 hours.
   */
  public void expireAccessTokens() {
    sessions.expireAccessTokens();
  }

  /**
   * How long a refresh token stays usable after it was used once (2 hours on a PDS). {@code
   * Duration.ZERO} makes refresh tokens single-use: a client that keeps an old one shows at once.
   */
  public void refreshGrace(Duration grace) {
    sessions.refreshGrace(grace);
  }

  /**
   * Stores what a PDS stores: facets that miss their text, replies to posts it does not know and
   * unknown embeds are no longer refused.
   */
  public void checkOnlyWhatThePdsChecks() {
    repo.checkOnlyWhatThePdsChecks();
  }

  /** Creates every {@code n}-th record, then closes the connection without answering. */
  public void dropAnswerEvery(int n) {
    misbehaviour.dropAnswerEvery(n);
  }

  /** Answers every {@code n}-th {@code createRecord} with {@code status}, creating none. */
  public void failEvery(int n, int status) {
    misbehaviour.failEvery(n, status);
  }

  /** Ends {@link #failEvery}: the platform is back, writes are checked as usual again. */
  public void stopFailing() {
    misbehaviour.stopFailing();
  }

  /**
   * After every {@code records} records, answers 429 {@code RateLimitExceeded} for {@code reset},
   * with {@code RateLimit-Reset} saying when in epoch seconds.
   */
  public void rateLimitEvery(int records, Duration reset) {
    misbehaviour.rateLimitEvery(records, reset);
  }

  /** Answers the next {@code createRecord} with {@code answer} (after its token). */
  public void thenAnswer(ScriptedAnswer answer) {
    misbehaviour.script(answer);
  }

  private void handle(HttpExchange exchange) throws IOException {
    inFlight.incrementAndGet();
    try (exchange) {
      String nsid = exchange.getRequestURI().getPath().substring("/xrpc/".length());
      String method = exchange.getRequestMethod();
      byte[] body = exchange.getRequestBody().readAllBytes();
      try {
        String expected = PROCEDURES.contains(nsid) ? "POST" : "GET";
        if (!nsid.equals("com.atproto.repo.getRecord") && !PROCEDURES.contains(nsid)) {
          throw new Refusal(501, Xrpc.failure(501));
        }
        if (!method.equals(expected)) {
          throw Xrpc.invalid("Incorrect HTTP method (" + method + ") expected " + expected);
        }
        route(exchange, nsid, body);
      } catch (Refusal refusal) {
        FakeHttp.json(exchange, refusal.reply);
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void route(HttpExchange exchange, String nsid, byte[] body) throws IOException, Refusal {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    switch (nsid) {
      case "com.atproto.server.createSession" ->
          FakeHttp.json(exchange, sessions.createSession(contentType, body, baseUrl().toString()));
      case "com.atproto.server.refreshSession" ->
          FakeHttp.json(
              exchange, sessions.refresh(authorization, body.length > 0, baseUrl().toString()));
      case "com.atproto.repo.createRecord" -> {
        sessions.access(authorization);
        repo.create(exchange, Xrpc.input(contentType, body));
      }
      case "com.atproto.repo.uploadBlob" -> {
        sessions.access(authorization);
        FakeHttp.json(exchange, blobs.upload(contentType, body));
      }
      default ->
          FakeHttp.json(exchange, repo.get(FakeHttp.form(exchange.getRequestURI().getRawQuery())));
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

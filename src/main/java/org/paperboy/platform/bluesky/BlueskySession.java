package org.paperboy.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;
import org.paperboy.model.SendFailure;
import org.paperboy.model.Session;
import org.paperboy.model.SessionStore;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's Bluesky session, kept in the database across restarts and cluster nodes: logging in
 * ({@code createSession}) is limited to 30 times in five minutes and 300 a day, so Paperboy logs in
 * only when it holds no session, and otherwise refreshes ({@code refreshSession}, the refresh token
 * in the header, no body) when the access token has expired. A refresh token serves once: the new
 * pair is stored at once, and when another node refreshed first, its stored pair is taken.
 * Thread-safe.
 */
final class BlueskySession {

  private static final Logger log = LoggerFactory.getLogger(BlueskySession.class);

  private final String accountId;
  private final String base;
  private final String identifier;
  private final String appPassword;
  private final SessionStore store;
  private final PlatformHttp http;
  private Session session;

  BlueskySession(
      String accountId,
      URI serviceUrl,
      String identifier,
      String appPassword,
      SessionStore store,
      PlatformHttp http) {
    this.accountId = accountId;
    this.base = serviceUrl.toString().replaceAll("/+$", "");
    this.identifier = identifier;
    this.appPassword = appPassword;
    this.store = store;
    this.http = http;
  }

  /** The session in force: the one held, the one stored, or a new one. */
  synchronized Session current() throws PublishException {
    if (session == null) {
      session = store.load(accountId).orElse(null);
    }
    if (session == null) {
      session = create();
    }
    return session;
  }

  /**
   * A new session after {@code expired}'s access token was refused as expired: refreshed, or
   * another node's newer one, or as a last resort a new login.
   */
  synchronized Session renew(Session expired) throws PublishException {
    Optional<Session> stored = store.load(accountId);
    if (stored.isPresent() && !stored.get().refreshJwt().equals(expired.refreshJwt())) {
      session = stored.get();
      return session;
    }
    URI uri = URI.create(base + "/xrpc/com.atproto.server.refreshSession");
    PlatformHttp.Answer answer =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + expired.refreshJwt())
                .POST(HttpRequest.BodyPublishers.noBody()),
            uri);
    if (answer.ok()) {
      session = keep(answer.json(), expired.did());
      return session;
    }
    if (answer.status() != 400 && answer.status() != 401) {
      throw BlueskyErrors.of(http.who(), answer, "refreshing the session");
    }
    log.info(
        "{}: Bluesky refused to refresh the session ({} {}); logging in again",
        http.who(),
        answer.status(),
        answer.json().path("error").asText(""));
    session = create();
    return session;
  }

  private Session create() throws PublishException {
    URI uri = URI.create(base + "/xrpc/com.atproto.server.createSession");
    PlatformHttp.Answer answer =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(
                    PlatformHttp.jsonBody(
                        Map.of("identifier", identifier, "password", appPassword))),
            uri);
    if (!answer.ok()) {
      throw BlueskyErrors.of(http.who(), answer, "logging in as " + identifier);
    }
    log.info("{}: logged in to Bluesky as {}", http.who(), identifier);
    return keep(answer.json(), null);
  }

  private Session keep(JsonNode json, String knownDid) throws PublishException {
    String did = json.path("did").asText(knownDid == null ? "" : knownDid);
    String access = json.path("accessJwt").asText("");
    String refresh = json.path("refreshJwt").asText("");
    if (did.isEmpty() || access.isEmpty() || refresh.isEmpty()) {
      throw new PublishException(
          SendFailure.TRANSIENT,
          http.who() + ": Bluesky answered a session without its tokens",
          null);
    }
    Session kept = new Session(did, access, refresh);
    store.save(accountId, kept);
    return kept;
  }
}

package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paperboy.testing.FakeHttp.Refusal;
import org.paperboy.testing.FakeHttp.Reply;

/**
 * A PDS's sessions, as packages/pds does them: {@code createSession} with an app password, rate
 * limited to 30 per 5 minutes and 300 per day (api/com/atproto/server/createSession.ts); HS256
 * JWTs, an access token ({@code typ at+jwt}, 2 hours) and a refresh token ({@code typ refresh+jwt},
 * 90 days) (account-manager/helpers/auth.ts); {@code refreshSession} rotating the refresh token,
 * the used one still accepted for a grace period of 2 hours and then revoked (account-manager.ts,
 * {@code rotateRefreshToken}); each token checked as auth-verifier.ts checks it. One deviation:
 * access tokens carry a random {@code jti}, so that every one is distinct and {@link
 * #expireAccessTokens()} can expire exactly those issued so far. Thread-safe.
 */
final class BlueskySessions {

  private static final Duration ACCESS = Duration.ofMinutes(120);
  private static final Duration REFRESH = Duration.ofDays(90);
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final class Row {
    Instant expiresAt;
    String nextId;

    Row(Instant expiresAt) {
      this.expiresAt = expiresAt;
    }
  }

  private final Clock clock;
  private final String did;
  private final String handle;
  private final String appPassword;
  private final String serviceDid = "did:web:localhost";
  private final byte[] key = new byte[32];
  private final Set<String> accessTokens = new HashSet<>();
  private final Set<String> expired = new HashSet<>();
  private final Map<String, Row> refreshTokens = new HashMap<>();
  private final RateWindow fiveMinutes = new RateWindow(30, Duration.ofMinutes(5));
  private final RateWindow day = new RateWindow(300, Duration.ofDays(1));
  private Duration grace = Duration.ofHours(2);
  private int createSessionCalls;
  private int sessionsCreated;
  private int refreshCalls;
  private int refreshes;

  BlueskySessions(Clock clock, String did, String handle, String appPassword) {
    this.clock = clock;
    this.did = did;
    this.handle = handle;
    this.appPassword = appPassword;
    RANDOM.nextBytes(key);
  }

  synchronized Reply createSession(String contentType, byte[] input, String pdsUrl) throws Refusal {
    createSessionCalls++;
    JsonNode body = Xrpc.input(contentType, input);
    if (!body.path("identifier").isTextual() || !body.path("password").isTextual()) {
      String missing = body.path("identifier").isTextual() ? "password" : "identifier";
      throw Xrpc.invalid("Missing required key \"" + missing + "\" at $");
    }
    Instant now = clock.instant();
    boolean withinDay = day.consume(now, 1);
    boolean withinFive = fiveMinutes.consume(now, 1);
    RateWindow tightest = day.remaining() < fiveMinutes.remaining() ? day : fiveMinutes;
    if (!withinFive || !withinDay) {
      RateWindow exceeded = withinFive ? day : fiveMinutes;
      throw new Refusal(new Reply(429, Xrpc.failure(429), exceeded.headers(now, true)));
    }
    String identifier = body.get("identifier").asText().toLowerCase(Locale.ROOT);
    boolean known = identifier.equals(handle.toLowerCase(Locale.ROOT)) || identifier.equals(did);
    if (!known || !body.get("password").asText().equals(appPassword)) {
      throw Xrpc.refusal(401, "AuthenticationRequired", "Invalid identifier or password");
    }
    String jti = newId();
    refreshTokens.put(jti, new Row(now.plus(REFRESH)));
    sessionsCreated++;
    return new Reply(200, session(now, jti, pdsUrl), tightest.headers(now, false));
  }

  /**
   * {@code refreshSession}: the refresh token in {@code Authorization}, no body, a new pair out.
   * The token is checked before the body, as packages/xrpc-server checks auth before input.
   */
  synchronized Reply refresh(String authorization, boolean withBody, String pdsUrl) throws Refusal {
    refreshCalls++;
    JsonNode claims = verify(authorization, "refresh+jwt", Set.of("com.atproto.refresh"));
    if (withBody) {
      throw Xrpc.invalid("A request body was provided when none was expected");
    }
    Instant now = clock.instant();
    String jti = claims.path("jti").asText();
    Row row = refreshTokens.get(jti);
    if (row == null || !row.expiresAt.isAfter(now)) {
      refreshTokens.remove(jti);
      throw Xrpc.refusal(400, "ExpiredToken", "Token has been revoked");
    }
    Instant graceEnds = now.plus(grace);
    row.expiresAt = graceEnds.isBefore(row.expiresAt) ? graceEnds : row.expiresAt;
    if (row.nextId == null) {
      row.nextId = newId();
      refreshTokens.put(row.nextId, new Row(now.plus(REFRESH)));
    }
    refreshes++;
    return new Reply(200, session(now, row.nextId, pdsUrl));
  }

  /** The DID an access token in {@code Authorization} speaks for. */
  synchronized String access(String authorization) throws Refusal {
    return verify(
            authorization,
            "at+jwt",
            Set.of("com.atproto.access", "com.atproto.appPass", "com.atproto.appPassPrivileged"))
        .path("sub")
        .asText();
  }

  synchronized void expireAccessTokens() {
    expired.addAll(accessTokens);
  }

  synchronized void refreshGrace(Duration grace) {
    this.grace = grace;
  }

  synchronized int createSessionCalls() {
    return createSessionCalls;
  }

  synchronized int sessionsCreated() {
    return sessionsCreated;
  }

  synchronized int refreshCalls() {
    return refreshCalls;
  }

  synchronized int refreshes() {
    return refreshes;
  }

  private Map<String, Object> session(Instant now, String refreshId, String pdsUrl) {
    String access = jwt("at+jwt", claims("com.atproto.appPass", now, ACCESS, newId()));
    accessTokens.add(access);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accessJwt", access);
    body.put(
        "refreshJwt", jwt("refresh+jwt", claims("com.atproto.refresh", now, REFRESH, refreshId)));
    body.put("did", did);
    body.put(
        "didDoc",
        Map.of(
            "@context", List.of("https://www.w3.org/ns/did/v1"),
            "id", did,
            "alsoKnownAs", List.of("at://" + handle),
            "service",
                List.of(
                    Map.of(
                        "id", "#atproto_pds",
                        "type", "AtprotoPersonalDataServer",
                        "serviceEndpoint", pdsUrl))));
    body.put("handle", handle);
    body.put("emailConfirmed", true);
    body.put("active", true);
    return body;
  }

  private Map<String, Object> claims(String scope, Instant now, Duration life, String jti) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("scope", scope);
    claims.put("aud", serviceDid);
    claims.put("sub", did);
    claims.put("jti", jti);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(life).getEpochSecond());
    return claims;
  }

  private JsonNode verify(String authorization, String typ, Set<String> scopes) throws Refusal {
    if (authorization == null) {
      throw Xrpc.refusal(401, "AuthMissing", "Authentication Required");
    }
    String[] header = authorization.split(" ");
    if (header.length != 2) {
      throw Xrpc.refusal(400, "InvalidToken", "Malformed authorization header");
    }
    if (!header[0].equalsIgnoreCase("Bearer")) {
      throw Xrpc.refusal(400, "InvalidToken", "Unexpected authorization type");
    }
    String token = header[1];
    String[] parts = token.split("\\.");
    JsonNode head;
    JsonNode claims;
    try {
      if (parts.length != 3
          || !MessageDigest.isEqual(
              Hs256.signature(parts[0] + "." + parts[1], key),
              Base64.getUrlDecoder().decode(parts[2]))) {
        throw new IOException("bad signature");
      }
      head = FakeHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      claims = FakeHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException | IllegalArgumentException e) {
      throw Xrpc.refusal(400, "InvalidToken", "Token could not be verified");
    }
    // jose checks the typ header before the expiry: a wrong kind of token is never "expired".
    if (!typ.equals(head.path("typ").asText())) {
      throw Xrpc.refusal(400, "InvalidToken", "Token could not be verified");
    }
    if (claims.path("exp").asLong() <= clock.instant().getEpochSecond()
        || expired.contains(token)) {
      throw Xrpc.refusal(400, "ExpiredToken", "Token has expired");
    }
    if (!scopes.contains(claims.path("scope").asText())) {
      throw Xrpc.refusal(400, "InvalidToken", "Bad token scope");
    }
    return claims;
  }

  private String jwt(String typ, Map<String, Object> claims) {
    return Hs256.jwt(typ, claims, key);
  }

  private static String newId() {
    byte[] id = new byte[32];
    RANDOM.nextBytes(id);
    return Base64.getEncoder().encodeToString(id);
  }
}

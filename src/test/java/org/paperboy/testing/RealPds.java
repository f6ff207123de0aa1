package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Bluesky PDS (the AT Protocol's own, {@code @atproto/pds}) on 127.0.0.1, started once per
 * test JVM on first use and stopped when the JVM ends; its first use on a machine installs it
 * ({@link PdsInstall}). Each caller makes accounts of its own. Thread-safe.
 */
public final class RealPds {

  /** An account on the PDS: sign in with its handle and app password, as Paperboy does. */
  public record Account(String handle, String did, String password, String appPassword) {}

  /** A service handle's first label: 3 to 18 characters (the PDS's handle/index.js). */
  private static final Pattern HANDLE_FRONT = Pattern.compile("[a-z][a-z0-9-]{2,17}");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final AtomicInteger ACCOUNTS = new AtomicInteger();

  private static URI url;
  private static byte[] jwtKey;
  private static Path log;
  private static RuntimeException failure;

  private RealPds() {}

  /**
   * The PDS's URL, {@code http://localhost:PORT}: clients use this host name, as the PDS names
   * itself by it (in its DID documents and OAuth metadata); it listens on 127.0.0.1 only.
   *
   * <p>Clients must speak HTTP/1.1 to it: java.net.http's default, HTTP/2, asks a plain http://
   * server to upgrade to h2c, and the PDS closes any connection that asks to upgrade to anything
   * but one of its WebSockets (@atproto/xrpc-server's server.js), so the request gets no answer.
   * Bluesky's own servers speak https://, where HTTP/2 is agreed without an upgrade.
   */
  public static synchronized URI url() {
    if (failure != null) {
      throw new IllegalStateException("the real Bluesky PDS failed earlier in this JVM", failure);
    }
    if (url == null) {
      try {
        start();
      } catch (IOException e) {
        failure = new UncheckedIOException("cannot start the real Bluesky PDS", e);
        throw failure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted starting the real Bluesky PDS", e);
      } catch (RuntimeException e) {
        // Installing or starting again for every test would only fail as slowly.
        failure = e;
        throw e;
      }
    }
    return url;
  }

  /** The PDS's log (its requests and errors, one JSON line each), under target/. */
  public static synchronized Path log() {
    url();
    return log;
  }

  /**
   * How many times {@code did} has logged in ({@code createSession}; the session {@code
   * createAccount} makes is not counted), read from the PDS's log.
   */
  public static long logins(String did) {
    return logged()
        .filter(line -> line.path("eventName").asText().equals("session.created"))
        .filter(line -> line.path("source").asText().equals("com.atproto.server.createSession"))
        .filter(line -> line.path("did").asText().equals(did))
        .count();
  }

  /** The statuses the PDS answered {@code nsid} with, in order, read from its log. */
  public static List<Integer> answers(String nsid) {
    return logged()
        .filter(line -> line.path("req").path("url").asText().startsWith("/xrpc/" + nsid))
        .filter(line -> line.path("res").has("statusCode"))
        .map(line -> line.path("res").path("statusCode").asInt())
        .toList();
  }

  private static Stream<JsonNode> logged() {
    try (Stream<String> lines = Files.lines(log())) {
      List<JsonNode> parsed = new ArrayList<>();
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("{")) {
          parsed.add(JSON.readTree(line));
        }
      }
      return parsed.stream();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the PDS's log " + log, e);
    }
  }

  /**
   * {@code accessJwt}, one of this PDS's access tokens, as the PDS would have issued it long enough
   * ago that it has expired: the PDS answers it with 400 ExpiredToken, as it answers any client
   * after two hours.
   */
  public static synchronized String expired(String accessJwt) {
    url();
    return Hs256.expiredAt(accessJwt, Instant.now().minusSeconds(60), jwtKey);
  }

  /**
   * A new account, {@code PREFIXn.test}, with an app password made for it.
   *
   * @param handlePrefix lower-case letters, digits and hyphens; with the number added, 3 to 18
   *     characters
   */
  public static Account createAccount(String handlePrefix) {
    String front = handlePrefix + ACCOUNTS.incrementAndGet();
    if (!HANDLE_FRONT.matcher(front).matches()) {
      throw new IllegalArgumentException(
          "a handle is 3 to 18 lower-case letters, digits or hyphens before .test: " + front);
    }
    String handle = front + ".test";
    String password = UUID.randomUUID().toString();
    JsonNode account =
        post(
            "com.atproto.server.createAccount",
            null,
            Map.of("handle", handle, "email", front + "@example.com", "password", password));
    JsonNode appPassword =
        post(
            "com.atproto.server.createAppPassword",
            account.get("accessJwt").asText(),
            Map.of("name", "paperboy"));
    return new Account(
        handle, account.get("did").asText(), password, appPassword.get("password").asText());
  }

  /**
   * {@code com.atproto.repo.getRecord}'s answer, {@code {uri, cid, value}}; empty when the PDS
   * answers RecordNotFound.
   */
  public static Optional<JsonNode> getRecord(String did, String collection, String rkey) {
    HttpResponse<byte[]> response =
        get(
            "com.atproto.repo.getRecord",
            Map.of("repo", did, "collection", collection, "rkey", rkey));
    JsonNode body = parse(response);
    if (response.statusCode() == 400 && "RecordNotFound".equals(body.path("error").asText())) {
      return Optional.empty();
    }
    return Optional.of(ok(response, body));
  }

  /** Every record of {@code collection} in the repository, newest first, as {uri, cid, value}. */
  public static List<JsonNode> listRecords(String did, String collection) {
    List<JsonNode> records = new ArrayList<>();
    String cursor = "";
    do {
      HttpResponse<byte[]> response =
          get(
              "com.atproto.repo.listRecords",
              Map.of("repo", did, "collection", collection, "limit", "100", "cursor", cursor));
      JsonNode page = ok(response, parse(response));
      page.path("records").forEach(records::add);
      cursor = page.path("cursor").asText("");
    } while (!cursor.isEmpty());
    return records;
  }

  /** A blob's bytes, as the PDS serves them. */
  public static byte[] blob(String did, String cid) {
    HttpResponse<byte[]> response = get("com.atproto.sync.getBlob", Map.of("did", did, "cid", cid));
    if (response.statusCode() != 200) {
      ok(response, parse(response));
    }
    return response.body();
  }

  private static void start() throws IOException, InterruptedException {
    PdsProcess.Started started = PdsProcess.start();
    url = started.url();
    jwtKey = started.jwtKey();
    log = started.log();
    System.err.println("[pds] " + url + " on 127.0.0.1, its log " + log);
  }

  private static JsonNode post(String method, String token, Map<String, String> body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(url().resolve("/xrpc/" + method))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<byte[]> response = send(request.build());
      return ok(response, parse(response));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<byte[]> get(String method, Map<String, String> query) {
    StringBuilder uri = new StringBuilder("/xrpc/").append(method);
    char separator = '?';
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      if (!parameter.getValue().isEmpty()) {
        uri.append(separator)
            .append(parameter.getKey())
            .append('=')
            .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        separator = '&';
      }
    }
    return send(
        HttpRequest.newBuilder(url().resolve(uri.toString()))
            .timeout(Duration.ofSeconds(30))
            .build());
  }

  private static HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
    }
  }

  private static JsonNode parse(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          response.request().uri()
              + " answered "
              + response.statusCode()
              + " with no JSON: "
              + new String(response.body(), StandardCharsets.UTF_8),
          e);
    }
  }

  private static JsonNode ok(HttpResponse<byte[]> response, JsonNode body) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + body
              + " (the PDS's log: "
              + log
              + ")");
    }
    return body;
  }
}

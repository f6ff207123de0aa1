package org.paperboy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What FakeBluesky checks and answers, pinned through plain HTTP: its specification. */
class FakeBlueskyTest {

  private static final String HANDLE = "paperboy.bsky.social";
  private static final String PASSWORD = "abcd-efgh-ijkl-mnop";
  private static final String TID = "3lbsqm2ya5k2c";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  private FakeBluesky pds;

  @BeforeEach
  void start() throws IOException {
    pds = new FakeBluesky(HANDLE, PASSWORD, clock);
  }

  @AfterEach
  void stop() {
    pds.close();
  }

  @Test
  void createSessionWithTheAppPasswordAnswersASessionAndIsCounted() throws Exception {
    HttpResponse<String> wrong = createSession(HANDLE, "not-it");
    JsonNode session = json(createSession(HANDLE.toUpperCase(), PASSWORD));

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body())
        .isEqualTo(
            "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}");
    assertThat(session.path("did").asText()).isEqualTo(pds.did()).startsWith("did:plc:");
    assertThat(session.path("handle").asText()).isEqualTo(HANDLE);
    assertThat(session.path("active").asBoolean()).isTrue();
    assertThat(jwtHeader(session.path("accessJwt").asText()).path("typ").asText())
        .isEqualTo("at+jwt");
    assertThat(jwtHeader(session.path("refreshJwt").asText()).path("typ").asText())
        .isEqualTo("refresh+jwt");
    assertThat(pds.createSessionCalls()).isEqualTo(2);
    assertThat(pds.sessionsCreated()).isEqualTo(1);
  }

  @Test
  void createSessionIsLimitedTo30In5Minutes() throws Exception {
    for (int i = 0; i < 30; i++) {
      assertThat(createSession(HANDLE, i % 2 == 0 ? PASSWORD : "wrong").statusCode())
          .isNotEqualTo(429);
    }
    HttpResponse<String> limited = createSession(HANDLE, PASSWORD);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(json(limited).path("error").asText()).isEqualTo("RateLimitExceeded");
    assertThat(limited.headers().firstValue("RateLimit-Limit")).hasValue("30");
    assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    assertThat(limited.headers().firstValue("RateLimit-Policy")).hasValue("30;w=300");
    assertThat(limited.headers().firstValue("RateLimit-Reset"))
        .hasValue(Long.toString(Instant.parse("2026-06-01T12:05:00Z").getEpochSecond()));
    assertThat(pds.createSessionCalls()).isEqualTo(31);

    clock.advance(Duration.ofMinutes(5));
    assertThat(createSession(HANDLE, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void refreshSessionRotatesAndAUsedRefreshTokenDiesWithItsGrace() throws Exception {
    String refresh = json(createSession(HANDLE, PASSWORD)).path("refreshJwt").asText();

    JsonNode rotated = json(refreshSession(refresh));
    HttpResponse<String> withinGrace = refreshSession(refresh);
    clock.advance(Duration.ofHours(2));
    HttpResponse<String> afterGrace = refreshSession(refresh);

    assertThat(rotated.path("accessJwt").isTextual()).isTrue();
    assertThat(rotated.path("refreshJwt").asText()).isNotEqualTo(refresh);
    assertThat(withinGrace.statusCode()).isEqualTo(200);
    assertThat(afterGrace.statusCode()).isEqualTo(400);
    assertThat(afterGrace.body())
        .isEqualTo("{\"error\":\"ExpiredToken\",\"message\":\"Token has been revoked\"}");
    assertThat(refreshSession(rotated.path("refreshJwt").asText()).statusCode()).isEqualTo(200);
    assertThat(pds.refreshCalls()).isEqualTo(4);
    assertThat(pds.refreshes()).isEqualTo(3);
  }

  @Test
  void withoutGraceARefreshTokenIsSingleUse() throws Exception {
    pds.refreshGrace(Duration.ZERO);
    String refresh = json(createSession(HANDLE, PASSWORD)).path("refreshJwt").asText();

    assertThat(refreshSession(refresh).statusCode()).isEqualTo(200);
    HttpResponse<String> reused = refreshSession(refresh);

    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(json(reused).path("error").asText()).isEqualTo("ExpiredToken");
  }

  @Test
  void refreshSessionRefusesTheWrongTokenAndABody() throws Exception {
    JsonNode session = json(createSession(HANDLE, PASSWORD));

    HttpResponse<String> access = refreshSession(session.path("accessJwt").asText());
    HttpResponse<String> garbage = refreshSession("not.a.jwt");
    HttpResponse<String> missing =
        send(xrpc("com.atproto.server.refreshSession", null).POST(BodyPublishers.noBody()).build());
    HttpResponse<String> withBody =
        send(
            xrpc("com.atproto.server.refreshSession", session.path("refreshJwt").asText())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}"))
                .build());

    assertThat(access.statusCode()).isEqualTo(400);
    assertThat(json(access).path("error").asText()).isEqualTo("InvalidToken");
    assertThat(garbage.body())
        .isEqualTo("{\"error\":\"InvalidToken\",\"message\":\"Token could not be verified\"}");
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(json(missing).path("error").asText()).isEqualTo("AuthMissing");
    assertThat(withBody.statusCode()).isEqualTo(400);
  }

  @Test
  void expiredAccessTokensAreRefusedUntilRefreshed() throws Exception {
    JsonNode session = json(createSession(HANDLE, PASSWORD));
    String access = session.path("accessJwt").asText();

    pds.expireAccessTokens();
    HttpResponse<String> expired = create(access, post("hello"), null);
    String fresh =
        json(refreshSession(session.path("refreshJwt").asText())).path("accessJwt").asText();

    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body())
        .isEqualTo("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
    assertThat(create(fresh, post("hello"), null).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofHours(2));
    assertThat(json(create(fresh, post("later"), null)).path("error").asText())
        .isEqualTo("ExpiredToken");
    assertThat(pds.records()).hasSize(1);
  }

  @Test
  void createRecordAnswersItsUriAndCidAndKeepsTheRecordAsSent() throws Exception {
    String access = login();
    Map<String, Object> record = post("A paper");

    HttpResponse<String> answer = create(access, record, TID);
    JsonNode created = json(answer);
    JsonNode generated = json(create(access, post("Another"), null));
    HttpResponse<String> fetched =
        query(
            "com.atproto.repo.getRecord",
            "repo=" + HANDLE + "&collection=app.bsky.feed.post&rkey=" + TID);

    assertThat(created.path("uri").asText())
        .isEqualTo("at://" + pds.did() + "/app.bsky.feed.post/" + TID);
    assertThat(created.path("cid").asText()).startsWith("bafyrei").hasSize(59);
    assertThat(created.at("/commit/rev").asText()).hasSize(13);
    assertThat(answer.headers().firstValue("RateLimit-Policy")).hasValue("5000;w=3600");
    assertThat(answer.headers().firstValue("RateLimit-Remaining")).hasValue("4997");
    assertThat(generated.path("uri").asText())
        .matches(".*/app\\.bsky\\.feed\\.post/[2-7a-j][2-7a-z]{12}");
    assertThat(json(fetched).path("cid").asText()).isEqualTo(created.path("cid").asText());
    assertThat(json(fetched).at("/value/text").asText()).isEqualTo("A paper");
    assertThat(pds.records().get(0).rkey()).isEqualTo(TID);
    assertThat(pds.records().get(0).record()).isEqualTo(JSON.valueToTree(record));
  }

  @Test
  void getRecordNamesWhatItCouldNotFind() throws Exception {
    HttpResponse<String> missing =
        query(
            "com.atproto.repo.getRecord",
            "repo=" + pds.did() + "&collection=app.bsky.feed.post&rkey=" + TID);

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json(missing).path("error").asText()).isEqualTo("RecordNotFound");
    assertThat(json(missing).path("message").asText())
        .isEqualTo("Could not locate record: at://" + pds.did() + "/app.bsky.feed.post/" + TID);
  }

  @Test
  void refusesAnRkeyThatIsNotATidAndASecondCreateAtOneIsABare500() throws Exception {
    String access = login();

    HttpResponse<String> notTid = create(access, post("x"), "my-post");
    create(access, post("first"), TID);
    HttpResponse<String> twice = create(access, post("second"), TID);

    assertThat(notTid.statusCode()).isEqualTo(400);
    assertThat(json(notTid).path("message").asText())
        .isEqualTo(
            "Invalid record key for app.bsky.feed.post: Invalid TID string (got \"my-post\") at $");
    assertThat(twice.statusCode()).isEqualTo(500);
    assertThat(twice.body())
        .isEqualTo("{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}");
    assertThat(pds.records())
        .extracting(r -> r.record().path("text").asText())
        .containsExactly("first");
  }

  @Test
  void theRepoMustBeTheSessionsAccount() throws Exception {
    String access = login();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("repo", "did:plc:someoneelse000000000000");
    body.put("collection", "app.bsky.feed.post");
    body.put("record", post("x"));

    HttpResponse<String> other = send(createRecord(access, body));

    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(json(other).path("error").asText()).isEqualTo("AccountNotFound");
  }

  @Test
  void refusesTextOver300GraphemesOr3000Bytes() throws Exception {
    String access = login();
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

    HttpResponse<String> long301 = create(access, post("é".repeat(301)), null);
    HttpResponse<String> heavy = create(access, post(family.repeat(200)), null);

    assertThat(json(long301).path("message").asText())
        .isEqualTo(
            "Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301)"
                + " at $.record.text");
    assertThat(json(heavy).path("message").asText())
        .isEqualTo(
            "Invalid app.bsky.feed.post record: string too big (maximum 3000, got 3600)"
                + " at $.record.text");
    assertThat(create(access, post("é".repeat(300)), null).statusCode()).isEqualTo(200);
    assertThat(create(access, post(family.repeat(166)), null).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesABadCreatedAtAndMoreThanThreeLanguages() throws Exception {
    String access = login();
    Map<String, Object> yesterday = post("x");
    yesterday.put("createdAt", "yesterday");
    Map<String, Object> babel = post("y");
    babel.put("langs", List.of("en", "de", "fr", "es"));
    Map<String, Object> english = post("z");
    english.put("langs", List.of("english!"));

    assertThat(json(create(access, yesterday, null)).path("message").asText())
        .isEqualTo(
            "Invalid app.bsky.feed.post record: Invalid datetime (got \"yesterday\")"
                + " at $.record.createdAt");
    assertThat(json(create(access, babel, null)).path("message").asText())
        .contains("array too big (maximum 3, got 4) at $.record.langs");
    assertThat(create(access, english, null).statusCode()).isEqualTo(400);
    assertThat(pds.records()).isEmpty();
  }

  @Test
  void aFacetOneByteOffIsRefusedAndAnExactOneKept() throws Exception {
    String access = login();
    String text = "Café: https://doi.org/10.1/x";
    String uri = "https://doi.org/10.1/x";
    int charStart = text.indexOf(uri);
    int byteStart = bytes(text.substring(0, charStart));

    HttpResponse<String> counted =
        create(access, linked(text, charStart, charStart + 22, uri), null);
    HttpResponse<String> exact = create(access, linked(text, byteStart, byteStart + 22, uri), null);

    assertThat(byteStart).isEqualTo(charStart + 1);
    assertThat(counted.statusCode()).isEqualTo(400);
    assertThat(json(counted).path("error").asText()).isEqualTo("InvalidRequest");
    assertThat(json(counted).path("message").asText())
        .contains("facet bytes 6..28 cover \" https://doi.org/10.1/\", not its link " + uri);
    assertThat(exact.statusCode()).isEqualTo(200);
    assertThat(pds.records()).hasSize(1);
  }

  @Test
  void aShortenedLinkAndAnExactTagAreKept() throws Exception {
    String access = login();
    String shown = "doi.org/10.1038/s41586-02…";
    String text = "Read " + shown + " #physics";
    int start = bytes("Read ");
    int tag = bytes("Read " + shown + " ");
    Map<String, Object> record = post(text);
    record.put(
        "facets",
        List.of(
            facet(
                start,
                start + bytes(shown),
                "link",
                "uri",
                "https://doi.org/10.1038/s41586-024-07000-0"),
            facet(tag, tag + bytes("#physics"), "tag", "tag", "physics")));
    Map<String, Object> hashInTag = post("Read #physics");
    hashInTag.put("facets", List.of(facet(5, 13, "tag", "tag", "#physics")));

    assertThat(create(access, record, null).statusCode()).isEqualTo(200);
    assertThat(json(create(access, hashInTag, null)).path("message").asText())
        .contains("cover \"#physics\", not # and its tag #physics");
  }

  @Test
  void checkingOnlyWhatThePdsChecksStoresAMisplacedFacet() throws Exception {
    pds.checkOnlyWhatThePdsChecks();
    String access = login();
    String text = "Café: https://doi.org/10.1/x";

    assertThat(create(access, linked(text, 6, 28, "https://doi.org/10.1/x"), null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aReplyMustNameThisAccountsPostsWithTheirCidAndTheThreadsRoot() throws Exception {
    String access = login();
    JsonNode root = json(create(access, post("root"), null));
    JsonNode first = json(create(access, reply("first", root, root), null));
    JsonNode second = json(create(access, reply("second", root, first), null));

    HttpResponse<String> wrongRoot = create(access, reply("third", first, second), null);
    Map<String, Object> staleCid =
        Map.of("uri", root.path("uri").asText(), "cid", first.path("cid").asText());
    Map<String, Object> record = post("fourth");
    record.put("reply", Map.of("root", staleCid, "parent", staleCid));
    HttpResponse<String> wrongCid = create(access, record, null);

    assertThat(pds.records()).hasSize(3);
    assertThat(json(wrongRoot).path("message").asText())
        .contains("the parent's thread starts at " + root.path("uri").asText())
        .contains("invalidReplyRoot");
    assertThat(json(wrongCid).path("message").asText()).contains("reply.root has cid");
  }

  @Test
  void blobsAreTypedByTheirBytesAndRecordsMustStateThemExactly() throws Exception {
    String access = login();
    byte[] png = png(100);
    JsonNode blob = json(upload(access, "image/png", png)).path("blob");
    byte[] jpeg = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 50);
    JsonNode mislabelled = json(upload(access, "image/png", jpeg)).path("blob");

    assertThat(blob.path("$type").asText()).isEqualTo("blob");
    assertThat(blob.at("/ref/$link").asText()).startsWith("bafkrei");
    assertThat(blob.path("mimeType").asText()).isEqualTo("image/png");
    assertThat(blob.path("size").asInt()).isEqualTo(100);
    assertThat(mislabelled.path("mimeType").asText()).isEqualTo("image/jpeg");
    assertThat(create(access, card(blob), null).statusCode()).isEqualTo(200);
    JsonNode smaller = ((ObjectNode) blob.deepCopy()).put("size", 99);
    assertThat(json(create(access, card(smaller), null)).path("error").asText())
        .isEqualTo("InvalidSize");
    JsonNode unknown =
        ((ObjectNode) blob.deepCopy())
            .set("ref", JSON.valueToTree(Map.of("$link", AtprotoSyntax.cid(0x55, new byte[1]))));
    assertThat(json(create(access, card(unknown), null)).path("error").asText())
        .isEqualTo("BlobNotFound");
    assertThat(pds.blobs()).extracting(FakeBluesky.Blob::contentType).containsOnly("image/png");
  }

  @Test
  void aThumbOverAMillionBytesIsRefusedThoughUploadBlobTookIt() throws Exception {
    String access = login();
    JsonNode big = json(upload(access, "image/png", png(1_000_001))).path("blob");
    Map<String, Object> images = post("pictures");
    images.put(
        "embed",
        Map.of(
            "$type",
            "app.bsky.embed.images",
            "images",
            List.of(Map.of("image", big, "alt", "a chart"))));

    HttpResponse<String> thumb = create(access, card(big), null);
    HttpResponse<String> tooBig = upload(access, "image/png", png(5 * 1024 * 1024 + 1));

    assertThat(json(thumb).path("message").asText())
        .isEqualTo(
            "Invalid app.bsky.feed.post record: blob too big (maximum 1000000, got 1000001)"
                + " at $.record.embed.external.thumb");
    assertThat(create(access, images, null).statusCode()).isEqualTo(200);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(json(tooBig).path("error").asText()).isEqualTo("PayloadTooLarge");
  }

  @Test
  void aDroppedAnswerLeavesTheRecordCreated() throws Exception {
    String access = login();
    pds.dropAnswerEvery(1);

    assertThatThrownBy(() -> create(access, post("lost"), TID)).isInstanceOf(IOException.class);

    assertThat(pds.records()).hasSize(1);
    assertThat(pds.dropped()).isEqualTo(1);
    HttpResponse<String> found =
        query(
            "com.atproto.repo.getRecord",
            "repo=" + pds.did() + "&collection=app.bsky.feed.post&rkey=" + TID);
    assertThat(found.statusCode()).isEqualTo(200);
  }

  @Test
  void failuresRateLimitsAndScriptedAnswersCreateNothing() throws Exception {
    String access = login();
    pds.thenAnswer(ScriptedAnswer.of(503, "{\"error\":\"NotEnoughResources\"}"));
    HttpResponse<String> scripted = create(access, post("a"), null);
    pds.rateLimitEvery(1, Duration.ofMinutes(1));
    assertThat(create(access, post("c"), null).statusCode()).isEqualTo(200);
    HttpResponse<String> limited = create(access, post("d"), null);
    pds.failEvery(4, 502);
    HttpResponse<String> failed = create(access, post("b"), null);

    assertThat(scripted.statusCode()).isEqualTo(503);
    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(json(failed).path("error").asText()).isEqualTo("UpstreamFailure");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("RateLimit-Reset"))
        .hasValue(Long.toString(Instant.parse("2026-06-01T12:01:01Z").getEpochSecond()));
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("61");
    assertThat(pds.records())
        .extracting(r -> r.record().path("text").asText())
        .containsExactly("c");
  }

  private HttpResponse<String> createSession(String identifier, String password) throws Exception {
    return send(
        xrpc("com.atproto.server.createSession", null)
            .header("Content-Type", "application/json")
            .POST(
                BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(Map.of("identifier", identifier, "password", password))))
            .build());
  }

  private String login() throws Exception {
    return json(createSession(HANDLE, PASSWORD)).path("accessJwt").asText();
  }

  private HttpResponse<String> refreshSession(String refreshJwt) throws Exception {
    return send(
        xrpc("com.atproto.server.refreshSession", refreshJwt)
            .POST(BodyPublishers.noBody())
            .build());
  }

  private HttpResponse<String> create(String access, Map<String, Object> record, String rkey)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("repo", pds.did());
    body.put("collection", "app.bsky.feed.post");
    if (rkey != null) {
      body.put("rkey", rkey);
    }
    body.put("record", record);
    return send(createRecord(access, body));
  }

  private HttpRequest createRecord(String access, Map<String, Object> body) throws IOException {
    return xrpc("com.atproto.repo.createRecord", access)
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
        .build();
  }

  private HttpResponse<String> upload(String access, String type, byte[] bytes) throws Exception {
    return send(
        xrpc("com.atproto.repo.uploadBlob", access)
            .header("Content-Type", type)
            .POST(BodyPublishers.ofByteArray(bytes))
            .build());
  }

  private HttpResponse<String> query(String nsid, String params) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(pds.baseUrl() + "/xrpc/" + nsid + "?" + params))
            .GET()
            .build());
  }

  private HttpRequest.Builder xrpc(String nsid, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(pds.baseUrl() + "/xrpc/" + nsid));
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, BodyHandlers.ofString());
  }

  private static Map<String, Object> post(String text) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("$type", "app.bsky.feed.post");
    record.put("text", text);
    record.put("createdAt", "2026-06-01T12:00:00.000Z");
    return record;
  }

  private static Map<String, Object> linked(String text, int start, int end, String uri) {
    Map<String, Object> record = post(text);
    record.put("facets", List.of(facet(start, end, "link", "uri", uri)));
    return record;
  }

  private static Map<String, Object> facet(
      int start, int end, String feature, String key, String value) {
    return Map.of(
        "index", Map.of("byteStart", start, "byteEnd", end),
        "features", List.of(Map.of("$type", "app.bsky.richtext.facet#" + feature, key, value)));
  }

  private static Map<String, Object> reply(String text, JsonNode root, JsonNode parent) {
    Map<String, Object> record = post(text);
    record.put("reply", Map.of("root", ref(root), "parent", ref(parent)));
    return record;
  }

  private static Map<String, Object> ref(JsonNode created) {
    return Map.of("uri", created.path("uri").asText(), "cid", created.path("cid").asText());
  }

  private static Map<String, Object> card(JsonNode thumb) {
    Map<String, Object> record = post("A paper https://doi.org/10.1/x");
    record.put(
        "embed",
        Map.of(
            "$type",
            "app.bsky.embed.external",
            "external",
            Map.of(
                "uri", "https://doi.org/10.1/x",
                "title", "A paper",
                "description", "Its abstract",
                "thumb", thumb)));
    return record;
  }

  private static byte[] png(int size) {
    byte[] png = new byte[size];
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
    return png;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static JsonNode jwtHeader(String jwt) throws IOException {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
  }
}

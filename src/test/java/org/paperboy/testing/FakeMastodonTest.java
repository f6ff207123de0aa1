package org.paperboy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What FakeMastodon checks and answers, pinned through plain HTTP: its specification. */
class FakeMastodonTest {

  private static final String TOKEN = "access-token-1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  private FakeMastodon mastodon;

  @BeforeEach
  void start() throws IOException {
    mastodon = new FakeMastodon(TOKEN, clock);
  }

  @AfterEach
  void stop() {
    mastodon.close();
  }

  @Test
  void instanceDocumentAdvertisesTheLimitsTheFakeEnforces() throws Exception {
    JsonNode doc = json(get("/api/v2/instance", null));

    JsonNode config = doc.path("configuration");
    assertThat(config.at("/statuses/max_characters").asInt()).isEqualTo(500);
    assertThat(config.at("/statuses/characters_reserved_per_url").asInt()).isEqualTo(23);
    assertThat(config.at("/media_attachments/description_limit").asInt()).isEqualTo(1_500);
    assertThat(config.at("/media_attachments/image_size_limit").asLong()).isEqualTo(16_777_216);
    assertThat(config.at("/media_attachments/supported_mime_types").toString())
        .contains("image/png", "image/jpeg");

    mastodon.maxCharacters(11);
    mastodon.charactersReservedPerUrl(5);
    config = json(get("/api/v2/instance", null)).path("configuration");
    assertThat(config.at("/statuses/max_characters").asInt()).isEqualTo(11);
    assertThat(status(Map.of("status", "see https://example.com/x")).statusCode()).isEqualTo(200);
    assertThat(status(Map.of("status", "see again https://example.com/x")).statusCode())
        .isEqualTo(422);
  }

  @Test
  void instanceDocumentFailsOnDemandSoAFallbackShows() throws Exception {
    mastodon.failInstance(true);

    assertThat(get("/api/v2/instance", null).statusCode()).isEqualTo(500);
  }

  @Test
  void aWrongMissingOrRevokedTokenIsRefusedWithDoorkeepersWords() throws Exception {
    HttpResponse<String> wrong = send(statusRequest(Map.of("status", "hi"), "nope", null));
    HttpResponse<String> missing = send(statusRequest(Map.of("status", "hi"), null, null));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo("{\"error\":\"The access token is invalid\"}");
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/accounts/verify_credentials", "nope").statusCode()).isEqualTo(401);

    mastodon.revokeToken();
    HttpResponse<String> revoked = status(Map.of("status", "hi"));
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(json(revoked).path("error").asText()).isEqualTo("The access token was revoked");
    assertThat(mastodon.statuses()).isEmpty();
  }

  @Test
  void postsAStatusAndKeepsExactlyWhatWasSent() throws Exception {
    HttpResponse<String> answer =
        status(Map.of("status", "  A paper\n", "visibility", "unlisted", "language", "de"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("X-RateLimit-Reset").orElseThrow())
        .isEqualTo("2026-06-01T12:05:00.000000Z");
    JsonNode status = json(answer);
    String id = status.path("id").asText();
    assertThat(status.path("url").asText()).isEqualTo("https://social.example/@paperboy/" + id);
    assertThat(status.path("uri").asText())
        .isEqualTo("https://social.example/users/paperboy/statuses/" + id);
    assertThat(status.path("created_at").asText()).isEqualTo("2026-06-01T12:00:00.000Z");
    assertThat(status.path("visibility").asText()).isEqualTo("unlisted");
    assertThat(status.path("language").asText()).isEqualTo("de");
    assertThat(status.path("content").asText()).isEqualTo("<p>A paper</p>");
    assertThat(status.has("text")).as("text is sent only with a status's source").isFalse();
    assertThat(mastodon.statuses())
        .containsExactly(
            new FakeMastodon.Status(
                id,
                "  A paper\n",
                "unlisted",
                "de",
                null,
                List.of(),
                null,
                Instant.parse("2026-06-01T12:00:00Z")));
  }

  @Test
  void takesAFormBodyAsRailsDoes() throws Exception {
    HttpRequest form =
        authorized("/api/v1/statuses", TOKEN)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString("status=Caf%C3%A9+%26+co&visibility=private"))
            .build();

    HttpResponse<String> answer = send(form);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(mastodon.statuses().get(0).text()).isEqualTo("Café & co");
    assertThat(json(answer).path("content").asText()).isEqualTo("<p>Café &amp; co</p>");
  }

  @Test
  void rendersContentAsMastodonDoes() throws Exception {
    String text =
        "Paper <b> & \"co\"\nline two\n\nRead #Physics https://doi.org/10.1038/s41586-024-07000-0";

    JsonNode status = json(status(Map.of("status", text)));

    assertThat(status.path("content").asText())
        .isEqualTo(
            "<p>Paper &lt;b&gt; &amp; &quot;co&quot;<br />line two</p>"
                + "<p>Read <a href=\"https://social.example/tags/Physics\" class=\"mention hashtag\""
                + " rel=\"tag\">#<span>Physics</span></a> "
                + "<a href=\"https://doi.org/10.1038/s41586-024-07000-0\" target=\"_blank\""
                + " rel=\"nofollow noopener\" translate=\"no\"><span class=\"invisible\">https://"
                + "</span><span class=\"ellipsis\">doi.org/10.1038/s41586-024-070</span>"
                + "<span class=\"invisible\">00-0</span></a></p>");
    assertThat(status.path("tags").get(0).path("name").asText()).isEqualTo("Physics");
  }

  @Test
  void countsAUrlAs23AndAMentionAsItsLocalPart() throws Exception {
    String url = " https://example.com/" + "x".repeat(200);
    String mention = " @someone@a-very-long-domain.example.org";

    assertThat(status(Map.of("status", "a".repeat(476) + url)).statusCode()).isEqualTo(200);
    assertThat(status(Map.of("status", "b".repeat(477) + url)).statusCode()).isEqualTo(422);
    assertThat(status(Map.of("status", "c".repeat(491) + mention)).statusCode()).isEqualTo(200);
    assertThat(status(Map.of("status", "d".repeat(492) + mention)).statusCode()).isEqualTo(422);
  }

  @Test
  void refusesTextOverTheLimitCountingGraphemes() throws Exception {
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

    HttpResponse<String> over = status(Map.of("status", "a".repeat(501)));

    assertThat(over.statusCode()).isEqualTo(422);
    assertThat(over.body())
        .isEqualTo("{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}");
    assertThat(status(Map.of("status", family.repeat(500))).statusCode()).isEqualTo(200);
    assertThat(status(Map.of("status", family.repeat(501))).statusCode()).isEqualTo(422);
    assertThat(status(Map.of("status", " ")).body())
        .isEqualTo("{\"error\":\"Validation failed: Text can't be blank\"}");
  }

  @Test
  void refusesAnUnknownVisibilityAndReplacesAnUnknownLanguage() throws Exception {
    HttpResponse<String> everyone = status(Map.of("status", "x", "visibility", "everyone"));
    JsonNode english = json(status(Map.of("status", "y", "language", "english")));
    JsonNode austrian = json(status(Map.of("status", "z", "language", "de-AT")));

    assertThat(everyone.statusCode()).isEqualTo(422);
    assertThat(json(everyone).path("error").asText())
        .isEqualTo("Validation failed: Visibility is not included in the list");
    assertThat(english.path("language").asText()).isEqualTo("en");
    assertThat(austrian.path("language").asText()).isEqualTo("de");
    assertThat(mastodon.statuses())
        .extracting(FakeMastodon.Status::language)
        .containsExactly("english", "de-AT");
  }

  @Test
  void aReplyMustAnswerAStatusThatExists() throws Exception {
    HttpResponse<String> orphan = status(Map.of("status", "reply", "in_reply_to_id", "42"));
    String first = json(status(Map.of("status", "first"))).path("id").asText();
    JsonNode reply = json(status(Map.of("status", "second", "in_reply_to_id", first)));

    assertThat(orphan.statusCode()).isEqualTo(404);
    assertThat(json(orphan).path("error").asText())
        .isEqualTo("The post you are trying to reply to does not appear to exist.");
    assertThat(reply.path("in_reply_to_id").asText()).isEqualTo(first);
    assertThat(reply.path("in_reply_to_account_id").asText()).isEqualTo(FakeMastodon.ACCOUNT_ID);
  }

  @Test
  void aRepeatedIdempotencyKeyAnswersTheSameStatusAndCreatesNoSecond() throws Exception {
    JsonNode first = json(send(statusRequest(Map.of("status", "once"), TOKEN, "key-1")));
    HttpResponse<String> again = send(statusRequest(Map.of("status", "other"), TOKEN, "key-1"));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(mastodon.statuses()).hasSize(1);
    assertThat(mastodon.statuses().get(0).idempotencyKey()).isEqualTo("key-1");

    clock.advance(Duration.ofSeconds(3_600));
    send(statusRequest(Map.of("status", "later"), TOKEN, "key-1"));
    assertThat(mastodon.statuses()).hasSize(2);
  }

  @Test
  void aKeyWhosePostFailedIsNotKept() throws Exception {
    HttpResponse<String> refused =
        send(statusRequest(Map.of("status", "a".repeat(501)), TOKEN, "key-2"));
    HttpResponse<String> retried = send(statusRequest(Map.of("status", "short"), TOKEN, "key-2"));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(mastodon.statuses()).extracting(FakeMastodon.Status::text).containsExactly("short");
  }

  @Test
  void aDroppedAnswerLeavesTheStatusCreatedAndItsKeyAnswersTheRetry() throws Exception {
    mastodon.dropAnswerEvery(1);

    assertThatThrownBy(() -> send(statusRequest(Map.of("status", "lost"), TOKEN, "key-3")))
        .isInstanceOf(IOException.class);
    HttpResponse<String> retry = send(statusRequest(Map.of("status", "lost"), TOKEN, "key-3"));

    assertThat(mastodon.statuses()).hasSize(1);
    assertThat(mastodon.dropped()).isEqualTo(1);
    assertThat(json(retry).path("id").asText()).isEqualTo(mastodon.statuses().get(0).id());
  }

  @Test
  void failuresAnswerAsNginxOrRailsAndCreateNothing() throws Exception {
    mastodon.failEvery(1, 502);
    HttpResponse<String> badGateway = status(Map.of("status", "x"));
    mastodon.failEvery(1, 503);
    HttpResponse<String> unavailable = status(Map.of("status", "x"));

    assertThat(badGateway.statusCode()).isEqualTo(502);
    assertThat(badGateway.headers().firstValue("Content-Type")).hasValue("text/html");
    assertThat(badGateway.body()).contains("<title>502 Bad Gateway</title>");
    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(unavailable.body()).isEqualTo("{\"error\":\"Service Unavailable\"}");
    assertThat(mastodon.statuses()).isEmpty();
  }

  @Test
  void rateLimitAnswers429WithAnIso8601Reset() throws Exception {
    mastodon.rateLimitEvery(1, Duration.ofSeconds(30));

    assertThat(status(Map.of("status", "one")).statusCode()).isEqualTo(200);
    HttpResponse<String> limited = status(Map.of("status", "two"));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).isEqualTo("{\"error\":\"Too many requests\"}");
    assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    assertThat(limited.headers().firstValue("X-RateLimit-Reset"))
        .hasValue("2026-06-01T12:00:31.000000Z");

    clock.advance(Duration.ofSeconds(31));
    assertThat(status(Map.of("status", "three")).statusCode()).isEqualTo(200);
    assertThat(mastodon.statuses()).hasSize(2);
  }

  @Test
  void scriptedAnswersComeFirstAndCreateNothing() throws Exception {
    mastodon.thenAnswer(ScriptedAnswer.of(500, "{\"error\":\"boom\"}"));
    mastodon.thenAnswer(ScriptedAnswer.AS_USUAL);
    mastodon.thenAnswer(ScriptedAnswer.DROPPED);

    assertThat(status(Map.of("status", "a")).statusCode()).isEqualTo(500);
    assertThat(status(Map.of("status", "b")).statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> status(Map.of("status", "c"))).isInstanceOf(IOException.class);
    assertThat(mastodon.statuses()).extracting(FakeMastodon.Status::text).containsExactly("b");
  }

  @Test
  void aSlowAnswerIsInFlightWithItsStatusCreated() throws Exception {
    mastodon.thenAnswer(ScriptedAnswer.slow(Duration.ofMillis(800)));

    CompletableFuture<HttpResponse<String>> answer =
        http.sendAsync(
            statusRequest(Map.of("status", "slow"), TOKEN, null), BodyHandlers.ofString());

    await().atMost(Duration.ofSeconds(5)).until(() -> mastodon.inFlight() == 1);
    assertThat(mastodon.statuses()).hasSize(1);
    assertThat(answer.get().statusCode()).isEqualTo(200);
    // The server counts the request done once its handler returns, just after the last byte.
    await().atMost(Duration.ofSeconds(5)).until(() -> mastodon.inFlight() == 0);
  }

  @Test
  void verifyCredentialsNamesTheAccount() throws Exception {
    JsonNode account = json(get("/api/v1/accounts/verify_credentials", TOKEN));

    assertThat(account.path("id").asText()).isEqualTo(FakeMastodon.ACCOUNT_ID);
    assertThat(account.path("username").asText()).isEqualTo("paperboy");
    assertThat(account.path("acct").asText()).isEqualTo("paperboy");
    assertThat(account.path("url").asText()).isEqualTo("https://social.example/@paperboy");
  }

  @Test
  void accountStatusesPageNewestFirstWithALinkHeader() throws Exception {
    String first = json(status(Map.of("status", "1"))).path("id").asText();
    clock.advance(Duration.ofSeconds(1));
    String second = json(status(Map.of("status", "2"))).path("id").asText();
    clock.advance(Duration.ofSeconds(1));
    String third = json(status(Map.of("status", "3", "visibility", "private"))).path("id").asText();
    String path = "/api/v1/accounts/" + FakeMastodon.ACCOUNT_ID + "/statuses";

    HttpResponse<String> page = get(path + "?limit=2", TOKEN);
    HttpResponse<String> anonymous = get(path, null);

    assertThat(ids(page)).containsExactly(third, second);
    String next = mastodon.baseUrl() + path + "?limit=2&max_id=" + second;
    assertThat(page.headers().firstValue("Link").orElseThrow())
        .startsWith("<" + next + ">; rel=\"next\", <");
    assertThat(ids(get(next.substring(mastodon.baseUrl().toString().length()), TOKEN)))
        .containsExactly(first);
    assertThat(ids(anonymous)).containsExactly(second, first);
    assertThat(get("/api/v1/accounts/1/statuses", TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void uploadsAreCheckedAgainstTheInstanceLimits() throws Exception {
    HttpResponse<String> image = upload("image/png", PNG, "A chart");
    HttpResponse<String> tooLong = upload("image/png", PNG, "d".repeat(1_501));
    HttpResponse<String> wrongType = upload("application/pdf", PNG, null);
    mastodon.imageSizeLimit(10);
    HttpResponse<String> tooBig = upload("image/png", PNG, null);

    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(json(image).path("url").isTextual()).isTrue();
    assertThat(mastodon.uploads()).hasSize(1);
    assertThat(mastodon.uploads().get(0).bytes()).isEqualTo(PNG);
    assertThat(mastodon.uploads().get(0).description()).isEqualTo("A chart");
    assertThat(json(tooLong).path("error").asText())
        .isEqualTo("Validation failed: Description is too long (maximum is 1500 characters)");
    assertThat(wrongType.statusCode()).isEqualTo(422);
    assertThat(tooBig.statusCode()).isEqualTo(422);
    assertThat(json(tooBig).path("error").asText())
        .isEqualTo(
            "Validation failed: File file size must be less than 10 Bytes,"
                + " File must be less than 10 Bytes");
  }

  @Test
  void mediaStillProcessingIsRefusedUntilItsGetAnswers200() throws Exception {
    mastodon.processMediaFor(1);
    HttpResponse<String> uploaded = upload("image/png", PNG, "A chart");
    String id = json(uploaded).path("id").asText();

    HttpResponse<String> early = status(Map.of("status", "with picture", "media_ids", List.of(id)));
    HttpResponse<String> processing = get("/api/v1/media/" + id, TOKEN);
    HttpResponse<String> processed = get("/api/v1/media/" + id, TOKEN);
    HttpResponse<String> posted =
        status(Map.of("status", "with picture", "media_ids", List.of(id)));
    HttpResponse<String> again = status(Map.of("status", "again", "media_ids", List.of(id)));

    assertThat(uploaded.statusCode()).isEqualTo(202);
    assertThat(json(uploaded).path("url").isNull()).isTrue();
    assertThat(early.statusCode()).isEqualTo(422);
    assertThat(json(early).path("error").asText())
        .isEqualTo("Cannot attach files that have not finished processing. Try again in a moment!");
    assertThat(processing.statusCode()).isEqualTo(206);
    assertThat(processed.statusCode()).isEqualTo(200);
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(json(posted).at("/media_attachments/0/id").asText()).isEqualTo(id);
    assertThat(mastodon.statuses().get(0).mediaIds()).containsExactly(id);
    assertThat(json(again).path("error").asText())
        .isEqualTo("Media " + id + " not found or already attached to another post");
    assertThat(get("/api/v1/media/" + id, TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void countsRequestsPerEndpoint() throws Exception {
    status(Map.of("status", "a"));
    status(Map.of("status", "b"));
    get("/api/v1/media/123", TOKEN);

    assertThat(mastodon.requests("POST /api/v1/statuses")).isEqualTo(2);
    assertThat(mastodon.requests("GET /api/v1/media/:id")).isEqualTo(1);
    assertThat(mastodon.requests("GET /api/v2/instance")).isZero();
  }

  private HttpResponse<String> status(Map<String, Object> fields) throws Exception {
    return send(statusRequest(fields, TOKEN, null));
  }

  private HttpRequest statusRequest(Map<String, Object> fields, String token, String key)
      throws IOException {
    HttpRequest.Builder request =
        authorized("/api/v1/statuses", token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofByteArray(JSON.writeValueAsBytes(fields)));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.build();
  }

  private HttpResponse<String> upload(String type, byte[] file, String description)
      throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"chart\"\r\n"
                + "Content-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    if (description != null) {
      body.writeBytes(
          ("\r\n--b0undary\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
                  + description)
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
    return send(
        authorized("/api/v2/media", TOKEN)
            .header("Content-Type", "multipart/form-data; boundary=b0undary")
            .POST(BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return send(authorized(path, token).GET().build());
  }

  private HttpRequest.Builder authorized(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mastodon.baseUrl() + path));
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static List<String> ids(HttpResponse<String> response) throws IOException {
    List<String> ids = new ArrayList<>();
    json(response).forEach(s -> ids.add(s.path("id").asText()));
    return ids;
  }
}

package org.paperboy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Tid;
import org.paperboy.platform.bluesky.BlueskyText;

/**
 * The real PDS of {@link RealPds} answers as Bluesky does, spoken to in plain XRPC over HTTP: what
 * Paperboy's Bluesky client and its end-to-end test rely on. An IT, run by failsafe: its first run
 * on a machine installs the PDS, which takes minutes.
 *
 * <p>What @atproto/pds 0.5.35 answered here, asserted below: a second createRecord at an existing
 * rkey, 500 {"error":"InternalServerError","message":"Internal Server Error"}, its log saying
 * "There is already a value at key: app.bsky.feed.post/RKEY"; 301 graphemes of text, 400
 * {"error":"InvalidRequest","message":"Invalid app.bsky.feed.post record: grapheme too big (maximum
 * 300, got 301) at $.record.text"}; getRecord of an unknown rkey, 400
 * {"error":"RecordNotFound","message":"Could not locate record: at://DID/app.bsky.feed.post/RKEY"}.
 */
class RealPdsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** HTTP/1.1: see {@link RealPds#url()}. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static final String POST = "app.bsky.feed.post";

  /** A TID, as Bluesky's record keys for posts are: 13 characters of base32-sortable. */
  private static final String RKEY = "3kq7zq6hxgk2a";

  private RealPds.Account account;
  private String token;

  /** An XRPC answer: its status and its JSON body. */
  private record Answer(int status, JsonNode body) {}

  @BeforeEach
  void signInWithTheAppPassword() throws Exception {
    account = RealPds.createAccount("it");
    Answer session =
        call(
            "com.atproto.server.createSession",
            null,
            JSON.createObjectNode()
                .put("identifier", account.handle())
                .put("password", account.appPassword()));
    assertThat(session.status()).isEqualTo(200);
    assertThat(session.body().path("did").asText()).isEqualTo(account.did());
    assertThat(session.body().path("handle").asText()).isEqualTo(account.handle());
    token = session.body().path("accessJwt").asText();
  }

  @Test
  void storesAPostWithFacetsAndALinkCardAtItsRkey() throws Exception {
    JsonNode post = announcement(null);

    Answer created = createRecord(post);

    assertThat(created.status()).isEqualTo(200);
    String uri = "at://" + account.did() + "/" + POST + "/" + RKEY;
    assertThat(created.body().path("uri").asText()).isEqualTo(uri);
    JsonNode stored = RealPds.getRecord(account.did(), POST, RKEY).orElseThrow();
    assertThat(stored.path("value")).isEqualTo(post);
    assertThat(stored.path("cid").asText()).isEqualTo(created.body().path("cid").asText());
    assertThat(RealPds.listRecords(account.did(), POST))
        .extracting(record -> record.path("uri").asText())
        .containsExactly(uri);
  }

  @Test
  void refusesASecondRecordAtTheSameRkeyWithABare500() throws Exception {
    assertThat(createRecord(post("first")).status()).isEqualTo(200);

    Answer second = createRecord(post("second"));

    // Not a 409 nor a named error: the PDS's log says the record already exists.
    assertThat(second.status()).isEqualTo(500);
    assertThat(second.body().path("error").asText()).isEqualTo("InternalServerError");
    assertThat(second.body().path("message").asText()).isEqualTo("Internal Server Error");
    assertThat(
            RealPds.getRecord(account.did(), POST, RKEY).orElseThrow().at("/value/text").asText())
        .isEqualTo("first");
  }

  @Test
  void refusesATextOf301Graphemes() throws Exception {
    Answer answer = createRecord(post("a".repeat(301)));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("error").asText()).isEqualTo("InvalidRequest");
    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text");
    assertThat(RealPds.listRecords(account.did(), POST)).isEmpty();
  }

  @Test
  void countsGraphemesAndBytesAsPaperboysBlueskyCountDoes() throws Exception {
    BlueskyText paperboy = new BlueskyText();
    // e and a combining acute accent: one grapheme of two code points and three bytes.
    String accented = "e\u0301";
    // A health worker of medium skin tone: one grapheme of five code points and 17 bytes.
    String worker = "\uD83D\uDC69\uD83C\uDFFD\u200D\u2695\uFE0F";
    for (String text :
        List.of(
            accented.repeat(300), accented.repeat(301), worker.repeat(176), worker.repeat(177))) {
      boolean fits = paperboy.length(text) <= paperboy.limit();
      Answer answer = createRecord(post(text), new Tid(System.nanoTime() / 1000, 1).toString());
      assertThat(answer.status() == 200)
          .as(
              "%d UTF-16 units, %d bytes: Paperboy says it %s; the PDS answered %s",
              text.length(),
              text.getBytes(StandardCharsets.UTF_8).length,
              fits ? "fits" : "does not",
              answer.body())
          .isEqualTo(fits);
    }
  }

  @Test
  void answersRecordNotFoundForAnUnknownRkey() throws Exception {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(
                    RealPds.url()
                        .resolve(
                            "/xrpc/com.atproto.repo.getRecord?repo="
                                + account.did()
                                + "&collection="
                                + POST
                                + "&rkey="
                                + RKEY))
                .build());

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("error").asText()).isEqualTo("RecordNotFound");
    assertThat(body.path("message").asText())
        .isEqualTo("Could not locate record: at://" + account.did() + "/" + POST + "/" + RKEY);
    assertThat(RealPds.getRecord(account.did(), POST, RKEY)).isEqualTo(Optional.empty());
  }

  @Test
  void servesAnUploadedPictureAsALinkCardsThumb() throws Exception {
    byte[] png = png();
    Answer uploaded =
        answer(
            send(
                HttpRequest.newBuilder(RealPds.url().resolve("/xrpc/com.atproto.repo.uploadBlob"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(png))
                    .build()));
    assertThat(uploaded.status()).isEqualTo(200);
    JsonNode blob = uploaded.body().path("blob");
    assertThat(blob.path("mimeType").asText()).isEqualTo("image/png");
    assertThat(blob.path("size").asInt()).isEqualTo(png.length);

    Answer created = createRecord(announcement(blob));

    assertThat(created.status()).isEqualTo(200);
    JsonNode thumb =
        RealPds.getRecord(account.did(), POST, RKEY)
            .orElseThrow()
            .at("/value/embed/external/thumb");
    assertThat(thumb).isEqualTo(blob);
    assertThat(RealPds.blob(account.did(), blob.at("/ref/$link").asText())).isEqualTo(png);
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    int port = RealPds.url().getPort();
    InetAddress external =
        NetworkInterface.networkInterfaces()
            .filter(nic -> !isLoopback(nic))
            .flatMap(NetworkInterface::inetAddresses)
            .filter(address -> address instanceof Inet4Address)
            .findFirst()
            .orElse(null);
    assumeTrue(external != null, "this machine has no address but loopback");

    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external, port), 2000);
              }
            })
        .isInstanceOf(ConnectException.class);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
    }
  }

  private static boolean isLoopback(NetworkInterface nic) {
    try {
      return nic.isLoopback() || !nic.isUp();
    } catch (IOException e) {
      return true;
    }
  }

  /** A post of {@code text} alone. */
  private static ObjectNode post(String text) {
    return JSON.createObjectNode()
        .put("$type", POST)
        .put("text", text)
        .put("createdAt", "2026-11-21T10:00:00.000Z");
  }

  /**
   * A post as Paperboy makes them: a text with a DOI link and a hashtag, each with its facet, after
   * a non-ASCII character so that byte and character offsets differ; its languages; a link card,
   * with {@code thumb} as its picture when not null.
   */
  private static ObjectNode announcement(JsonNode thumb) throws IOException {
    String link = "https://doi.org/10.1000/xyz123";
    String tag = "#MedEd";
    String text = "Études cliniques : " + link + " " + tag;
    ObjectNode post =
        (ObjectNode)
            JSON.readTree(
                """
                {
                  "$type": "app.bsky.feed.post",
                  "text": "%s",
                  "createdAt": "2026-11-21T10:00:00.000Z",
                  "langs": ["fr"],
                  "facets": [
                    {
                      "index": {"byteStart": %d, "byteEnd": %d},
                      "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "%s"}]
                    },
                    {
                      "index": {"byteStart": %d, "byteEnd": %d},
                      "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "MedEd"}]
                    }
                  ],
                  "embed": {
                    "$type": "app.bsky.embed.external",
                    "external": {
                      "uri": "%s",
                      "title": "A study of clinical teaching",
                      "description": "Its abstract, cut short."
                    }
                  }
                }
                """
                    .formatted(
                        text,
                        byteIndex(text, link),
                        byteIndex(text, link) + bytes(link),
                        link,
                        byteIndex(text, tag),
                        byteIndex(text, tag) + bytes(tag),
                        link));
    if (thumb != null) {
      ((ObjectNode) post.at("/embed/external")).set("thumb", thumb);
    }
    return post;
  }

  private static int byteIndex(String text, String part) {
    return bytes(text.substring(0, text.indexOf(part)));
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private Answer createRecord(JsonNode record) throws Exception {
    return createRecord(record, RKEY);
  }

  private Answer createRecord(JsonNode record, String rkey) throws Exception {
    return call(
        "com.atproto.repo.createRecord",
        token,
        JSON.createObjectNode()
            .put("repo", account.did())
            .put("collection", POST)
            .put("rkey", rkey)
            .set("record", record));
  }

  private static Answer call(String method, String token, JsonNode body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(RealPds.url().resolve("/xrpc/" + method))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return answer(send(request.build()));
  }

  private static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Answer answer(HttpResponse<byte[]> response) throws IOException {
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  /** A small real PNG, made here rather than kept as a binary fixture. */
  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 4, 0x1e88e5);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}

package org.paperboy.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.paperboy.model.Picture;
import org.paperboy.model.PictureRules;
import org.paperboy.model.SendFailure;
import org.paperboy.model.Session;
import org.paperboy.publish.Message;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A post's picture on Bluesky: uploaded with {@code com.atproto.repo.uploadBlob} (the bytes as they
 * are, their type in {@code Content-Type}), to be the link card's {@code thumb}: the card keeps the
 * paper one tap away and its title describes the picture. The record names the blob with the {@code
 * mimeType} and {@code size} the upload returned. A picture the PDS refuses leaves the post as it
 * would be without one, with one log line. Thread-safe.
 */
final class BlueskyThumb {

  /** A PDS refuses a card's thumb over 1,000,000 bytes, whatever the lexicon says. */
  static final PictureRules RULES = new PictureRules(1_000_000, PictureRules.COMMON_TYPES, 0);

  private static final Logger log = LoggerFactory.getLogger(BlueskyThumb.class);
  private static final int RENEWALS = 2;

  private final String base;
  private final BlueskySession session;
  private final PlatformHttp http;

  BlueskyThumb(String base, BlueskySession session, PlatformHttp http) {
    this.base = base;
    this.session = session;
    this.http = http;
  }

  /** The blob of {@code message}'s picture, as a record names it; empty when the PDS refused it. */
  Optional<Map<String, Object>> upload(Message message) throws PublishException {
    Picture picture = message.picture();
    URI uri = URI.create(base + "/xrpc/com.atproto.repo.uploadBlob");
    Session current = session.current();
    PlatformHttp.Answer answer = send(uri, current, picture);
    for (int renewed = 0; renewed < RENEWALS && BlueskyErrors.expired(answer); renewed++) {
      current = session.renew(current);
      answer = send(uri, current, picture);
    }
    if (!answer.ok()) {
      PublishException failure = BlueskyErrors.of(http.who(), answer, "uploading the picture");
      if (failure.failure() != SendFailure.REJECTED) {
        throw failure;
      }
      log.warn(
          "{}: the post goes without its picture ({}): {}",
          http.who(),
          picture,
          failure.getMessage());
      return Optional.empty();
    }
    JsonNode blob = answer.json().path("blob");
    String cid = blob.path("ref").path("$link").asText("");
    if (cid.isEmpty()) {
      throw new PublishException(
          SendFailure.TRANSIENT,
          http.who() + ": Bluesky answered an upload without its blob",
          null);
    }
    Map<String, Object> thumb = new LinkedHashMap<>();
    thumb.put("$type", "blob");
    thumb.put("ref", Map.of("$link", cid));
    thumb.put("mimeType", blob.path("mimeType").asText(picture.mimeType()));
    thumb.put("size", blob.path("size").asLong(picture.bytes().length));
    return Optional.of(thumb);
  }

  private PlatformHttp.Answer send(URI uri, Session current, Picture picture)
      throws PublishException {
    try {
      return http.send(
          HttpRequest.newBuilder(uri)
              .header("Authorization", "Bearer " + current.accessJwt())
              .header("Content-Type", picture.mimeType())
              .POST(HttpRequest.BodyPublishers.ofByteArray(picture.bytes())),
          uri);
    } catch (PublishException e) {
      if (e.failure() == SendFailure.NO_ANSWER) {
        // A blob without a record: nothing is on the account yet, so nothing is unknown.
        throw new PublishException(SendFailure.TRANSIENT, e.getMessage(), e.retryAt());
      }
      throw e;
    }
  }
}

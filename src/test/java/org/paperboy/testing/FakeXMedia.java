package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * X's media endpoints as FakeXApi serves them: {@code POST /2/media/upload} (multipart, {@code
 * media} and {@code media_category}; pictures up to 5 MB; an id that expires) and {@code POST
 * /2/media/metadata} (alt text up to 1,000 characters, for a media id uploaded here). A post may
 * name only media uploaded, unexpired, to this account. Thread-safe.
 */
public final class FakeXMedia {

  /** An upload: its id, bytes, the type the upload said, and its alt text once set. */
  public record Media(String id, byte[] bytes, String contentType, String alt, Instant expires) {
    Media withAlt(String alt) {
      return new Media(id, bytes, contentType, alt, expires);
    }
  }

  /** An answer: its status and JSON body. */
  record Answer(int status, Object body) {}

  static final long MOST_BYTES = 5L * 1024 * 1024;
  private static final int MOST_ALT = 1000;
  private static final Duration LIFETIME = Duration.ofHours(24);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Media> media = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(1_900_000_000_000_000_000L);
  private volatile String refusal;

  List<Media> media() {
    return List.copyOf(media);
  }

  /**
   * Refuses every upload with {@code detail}, as X refuses a picture it cannot process; {@code
   * null} takes them again.
   */
  void refuseUploads(String detail) {
    this.refusal = detail;
  }

  Answer upload(String contentType, byte[] body) {
    if (refusal != null) {
      return invalid(refusal);
    }
    List<Multipart.Part> parts;
    try {
      parts = Multipart.parse(contentType, body);
    } catch (IllegalArgumentException e) {
      return invalid(e.getMessage());
    }
    Optional<Multipart.Part> file = part(parts, "media");
    Optional<Multipart.Part> category = part(parts, "media_category");
    if (file.isEmpty() || file.get().bytes().length == 0) {
      return invalid("media is required");
    }
    if (category.isEmpty() || !category.get().text().equals("tweet_image")) {
      return invalid("media_category must be tweet_image for a picture");
    }
    byte[] bytes = file.get().bytes();
    if (bytes.length > MOST_BYTES) {
      return invalid("File size exceeds 5242880 bytes.");
    }
    if (!isPicture(bytes)) {
      return invalid("media type unrecognized");
    }
    String id = Long.toString(ids.incrementAndGet());
    media.add(new Media(id, bytes, file.get().contentType(), null, Instant.now().plus(LIFETIME)));
    return new Answer(
        200,
        Map.of(
            "data",
            Map.of(
                "id",
                id,
                "media_key",
                "3_" + id,
                "size",
                bytes.length,
                "expires_after_secs",
                LIFETIME.toSeconds())));
  }

  Answer metadata(byte[] body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      return invalid("the body is not JSON");
    }
    String id = json.path("id").asText("");
    JsonNode alt = json.path("metadata").path("alt_text").path("text");
    if (!alt.isTextual()) {
      return invalid("metadata.alt_text.text is required");
    }
    if (alt.asText().codePointCount(0, alt.asText().length()) > MOST_ALT) {
      return invalid("alt_text.text must be at most 1000 characters");
    }
    synchronized (media) {
      for (int i = 0; i < media.size(); i++) {
        if (media.get(i).id().equals(id)) {
          media.set(i, media.get(i).withAlt(alt.asText()));
          return new Answer(200, Map.of("data", Map.of("id", id, "associated_metadata", true)));
        }
      }
    }
    return invalid("media " + id + " was never uploaded");
  }

  /** Why a post may not name {@code ids}, or {@code null} when it may. */
  String problemWith(JsonNode ids) {
    if (ids.size() > 4) {
      return "media.media_ids: at most 4";
    }
    for (JsonNode id : ids) {
      Optional<Media> known = media.stream().filter(m -> m.id().equals(id.asText())).findFirst();
      if (known.isEmpty()) {
        return "media.media_ids: " + id.asText() + " was never uploaded";
      }
      if (known.get().expires().isBefore(Instant.now())) {
        return "media.media_ids: " + id.asText() + " has expired";
      }
    }
    return null;
  }

  private static Optional<Multipart.Part> part(List<Multipart.Part> parts, String name) {
    return parts.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  private static boolean isPicture(byte[] b) {
    return b.length > 12
        && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8
            || (b[0] & 0xFF) == 0x89 && b[1] == 'P'
            || b[0] == 'G' && b[1] == 'I' && b[2] == 'F'
            || b[0] == 'R' && b[8] == 'W' && b[9] == 'E');
  }

  private static Answer invalid(String detail) {
    return new Answer(
        400,
        Map.of("title", "Invalid Request", "type", "about:blank", "status", 400, "detail", detail));
  }
}

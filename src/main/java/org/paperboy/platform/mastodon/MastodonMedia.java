package org.paperboy.platform.mastodon;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.paperboy.model.Picture;
import org.paperboy.model.SendFailure;
import org.paperboy.publish.Message;
import org.paperboy.publish.Multipart;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A post's picture on Mastodon: uploaded with {@code POST /api/v2/media} and its description; an
 * upload still processing (202) is asked after ({@code GET /api/v1/media/:id}, 206 while it
 * processes) until it is ready, as a status naming it sooner is refused. A picture the instance
 * refuses leaves the post as it would be without one, with one log line. Thread-safe.
 */
final class MastodonMedia {

  private static final Logger log = LoggerFactory.getLogger(MastodonMedia.class);
  private static final Duration FIRST_WAIT = Duration.ofMillis(250);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(4);
  private static final Duration MOST_WAIT = Duration.ofSeconds(30);

  private final String base;
  private final MastodonApi api;
  private final PlatformHttp http;

  MastodonMedia(String base, MastodonApi api, PlatformHttp http) {
    this.base = base;
    this.api = api;
    this.http = http;
  }

  /**
   * The media id of {@code message}'s picture, ready to post; empty when the instance refused it.
   */
  Optional<String> upload(Message message) throws PublishException {
    Picture picture = message.picture();
    try {
      URI uri = URI.create(base + "/api/v2/media");
      Multipart body =
          new Multipart()
              .file("file", "picture" + extension(picture), picture.mimeType(), picture.bytes())
              .field("description", picture.alt());
      PlatformHttp.Answer answer =
          http.send(
              api.authorised(uri).header("Content-Type", body.contentType()).POST(body.publisher()),
              uri);
      String id = api.answer(answer).path("id").asText("");
      if (id.isEmpty()) {
        throw new PublishException(
            SendFailure.TRANSIENT,
            http.who() + ": Mastodon answered an upload without its id",
            null);
      }
      if (answer.status() == 202) {
        awaitProcessed(id);
      }
      return Optional.of(id);
    } catch (PublishException e) {
      if (e.failure() == SendFailure.REJECTED) {
        log.warn(
            "{}: the post goes without its picture ({}): {}", http.who(), picture, e.getMessage());
        return Optional.empty();
      }
      if (e.failure() == SendFailure.NO_ANSWER) {
        // A picture without a status: nothing is on the account yet, so nothing is unknown.
        throw new PublishException(SendFailure.TRANSIENT, e.getMessage(), e.retryAt());
      }
      throw e;
    }
  }

  /** Waits until upload {@code id} is processed (200), asking at growing intervals. */
  private void awaitProcessed(String id) throws PublishException {
    URI uri = URI.create(base + "/api/v1/media/" + id);
    long deadline = System.nanoTime() + MOST_WAIT.toNanos();
    Duration wait = FIRST_WAIT;
    while (System.nanoTime() < deadline) {
      sleep(wait);
      PlatformHttp.Answer answer = http.send(api.authorised(uri).GET(), uri);
      if (answer.status() == 200) {
        return;
      }
      if (answer.status() != 206) {
        api.answer(answer);
      }
      Duration doubled = wait.multipliedBy(2);
      wait = doubled.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : doubled;
    }
    throw new PublishException(
        SendFailure.TRANSIENT,
        http.who() + ": the picture was still processing after " + MOST_WAIT.toSeconds() + " s",
        null);
  }

  private static String extension(Picture picture) {
    return switch (picture.mimeType()) {
      case "image/png" -> ".png";
      case "image/gif" -> ".gif";
      case "image/webp" -> ".webp";
      default -> ".jpg";
    };
  }

  private static void sleep(Duration wait) throws PublishException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException(
          SendFailure.TRANSIENT, "interrupted while a picture processed", null);
    }
  }
}

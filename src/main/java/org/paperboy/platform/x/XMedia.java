package org.paperboy.platform.x;

import java.util.Map;
import java.util.Optional;
import org.paperboy.model.Picture;
import org.paperboy.model.PictureRules;
import org.paperboy.model.SendFailure;
import org.paperboy.publish.Message;
import org.paperboy.publish.Multipart;
import org.paperboy.publish.PublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A post's picture on X: uploaded with {@code POST /2/media/upload} just before the post (a media
 * id expires), described with {@code POST /2/media/metadata}. A picture X refuses leaves the post
 * as it would be without one, with one log line; an upload that gets no answer made no post, so it
 * is tried again with the post. Thread-safe.
 */
final class XMedia {

  static final PictureRules RULES =
      new PictureRules(5L * 1024 * 1024, PictureRules.COMMON_TYPES, 1000);

  private static final Logger log = LoggerFactory.getLogger(XMedia.class);

  private final XClient client;

  XMedia(XClient client) {
    this.client = client;
  }

  /** The media id of {@code message}'s picture, uploaded and described; empty when X refused it. */
  Optional<String> upload(Message message) throws PublishException {
    Picture picture = message.picture();
    try {
      String id =
          client
              .upload(
                  "/2/media/upload",
                  new Multipart()
                      .field("media_category", "tweet_image")
                      .file("media", "picture", picture.mimeType(), picture.bytes()))
              .path("data")
              .path("id")
              .asText("");
      if (id.isEmpty()) {
        throw new PublishException(
            SendFailure.TRANSIENT, "X answered an upload without its media id", null);
      }
      client.post(
          "/2/media/metadata",
          Map.of("id", id, "metadata", Map.of("alt_text", Map.of("text", picture.alt()))));
      return Optional.of(id);
    } catch (PublishException e) {
      if (e.failure() == SendFailure.REJECTED) {
        log.warn(
            "account {}: the post goes without its picture ({}): {}",
            message.accountId(),
            picture,
            e.getMessage());
        return Optional.empty();
      }
      if (e.failure() == SendFailure.NO_ANSWER) {
        // A picture without a post: nothing is on the account yet, so nothing is unknown.
        throw new PublishException(SendFailure.TRANSIENT, e.getMessage(), e.retryAt());
      }
      throw e;
    }
  }
}

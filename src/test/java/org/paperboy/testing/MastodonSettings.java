package org.paperboy.testing;

import java.util.List;

/**
 * A fake Mastodon server's limits, which its instance document advertises and its checks enforce,
 * so a client that reads the document and one that hard-codes the defaults can be told apart.
 * Defaults are Mastodon 4.4's: {@code StatusLengthValidator::MAX_CHARS} 500 and {@code
 * URL_PLACEHOLDER_CHARS} 23; {@code MediaAttachment::IMAGE_LIMIT} 16 MB, {@code VIDEO_LIMIT} 99 MB,
 * {@code MAX_DESCRIPTION_LENGTH} 1,500 and its image, video and audio MIME types.
 */
final class MastodonSettings {

  volatile int maxCharacters = 500;
  volatile int charactersReservedPerUrl = 23;
  volatile long imageSizeLimit = 16L * 1024 * 1024;
  final long videoSizeLimit = 99L * 1024 * 1024;
  volatile int descriptionLimit = 1_500;
  volatile List<String> supportedMimeTypes =
      List.of(
          "image/jpeg",
          "image/png",
          "image/gif",
          "image/heic",
          "image/heif",
          "image/webp",
          "image/avif",
          "video/webm",
          "video/mp4",
          "video/quicktime",
          "video/ogg",
          "audio/wave",
          "audio/wav",
          "audio/x-wav",
          "audio/x-pn-wave",
          "audio/vnd.wave",
          "audio/ogg",
          "audio/vorbis",
          "audio/mpeg",
          "audio/mp3",
          "audio/webm",
          "audio/flac",
          "audio/aac",
          "audio/m4a",
          "audio/x-m4a",
          "audio/mp4",
          "audio/3gpp",
          "video/x-ms-asf");

  /** How many {@code GET /api/v1/media/:id} answer 206 before an upload is processed. */
  volatile int processingGets;

  /** When set, {@code GET /api/v2/instance} answers 500. */
  volatile boolean instanceFails;
}

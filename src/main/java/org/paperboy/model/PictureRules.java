package org.paperboy.model;

import java.util.Objects;
import java.util.Set;

/**
 * What a platform takes as a post's picture.
 *
 * @param maxBytes the largest upload it accepts
 * @param mimeTypes the image types it accepts
 * @param altLimit the longest alt text it keeps, in characters; 0 when it shows none (Bluesky's
 *     link card, whose title describes its picture)
 */
public record PictureRules(long maxBytes, Set<String> mimeTypes, int altLimit) {

  /** JPEG, PNG, GIF and WebP, which X, Mastodon and Bluesky all take. */
  public static final Set<String> COMMON_TYPES =
      Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

  public PictureRules {
    Objects.requireNonNull(mimeTypes, "mimeTypes");
    mimeTypes = Set.copyOf(mimeTypes);
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes < 1: " + maxBytes);
    }
    if (altLimit < 0) {
      throw new IllegalArgumentException("altLimit < 0: " + altLimit);
    }
  }
}

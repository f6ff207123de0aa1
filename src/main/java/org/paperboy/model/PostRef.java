package org.paperboy.model;

import java.util.Objects;

/**
 * A post on its platform.
 *
 * @param id the platform's id for it: X's and Mastodon's status id; on Bluesky its record's URI and
 *     content id, which a reply must name
 * @param url its public address, or {@code null} when the platform gives none
 * @param pictureDropped true when the platform refused the post's picture and it went out without
 *     one (X then bills no picture)
 */
public record PostRef(String id, String url, boolean pictureDropped) {

  public PostRef {
    Objects.requireNonNull(id, "id");
  }

  /** A post as it was sent, or as it was found. */
  public PostRef(String id, String url) {
    this(id, url, false);
  }
}

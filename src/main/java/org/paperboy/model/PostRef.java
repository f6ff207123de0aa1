package org.paperboy.model;

import java.util.Objects;

/**
 * A post on its platform.
 *
 * @param id the platform's id for it: X's and Mastodon's status id; on Bluesky its record's URI and
 *     content id, which a reply must name
 * @param url its public address, or {@code null} when the platform gives none
 */
public record PostRef(String id, String url) {

  public PostRef {
    Objects.requireNonNull(id, "id");
  }
}

package org.paperboy.model;

import java.util.Objects;

/**
 * Where a paper's picture may be had: an {@code <img>} of its entry, or its article page's {@code
 * og:image}. Whether it is usable is known only once it is fetched.
 *
 * @param url the picture's absolute http(s) address
 * @param alt the alt text its source gives ({@code alt}, {@code og:image:alt}), or {@code null}
 */
public record PictureRef(String url, String alt) {

  public PictureRef {
    Objects.requireNonNull(url, "url");
  }
}

package org.paperboy.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A paper's picture, fetched and found usable: its bytes as they will be uploaded, their type and
 * size, and the words that describe it.
 *
 * @param bytes the encoded picture (not copied: treat as read-only)
 * @param mimeType {@code image/jpeg}, {@code image/png}, {@code image/gif} or {@code image/webp}
 * @param width its width in pixels
 * @param height its height in pixels
 * @param alt its alt text, never blank
 * @param source where it was fetched from
 */
public record Picture(
    byte[] bytes, String mimeType, int width, int height, String alt, String source) {

  public Picture {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(source, "source");
    if (alt == null || alt.isBlank()) {
      throw new IllegalArgumentException("a picture without alt text: " + source);
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("a picture of " + width + "x" + height + ": " + source);
    }
  }

  /** This picture described by {@code alt} instead. */
  public Picture withAlt(String alt) {
    return new Picture(bytes, mimeType, width, height, alt, source);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Picture that
        && Arrays.equals(bytes, that.bytes)
        && mimeType.equals(that.mimeType)
        && width == that.width
        && height == that.height
        && alt.equals(that.alt)
        && source.equals(that.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(bytes), mimeType, width, height, alt, source);
  }

  @Override
  public String toString() {
    return mimeType + " " + width + "x" + height + ", " + bytes.length + " bytes, from " + source;
  }
}

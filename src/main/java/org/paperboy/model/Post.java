package org.paperboy.model;

import java.util.Objects;

/**
 * The text of one post, ready to publish.
 *
 * @param text the exact text to send
 * @param length its length by the platform's own count
 * @param limit the longest post the platform takes, by the same count
 */
public record Post(String text, int length, int limit) {

  public Post {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a post's text is blank");
    }
    if (length < 1) {
      throw new IllegalArgumentException("a post's length < 1: " + length);
    }
    if (length > limit) {
      throw new IllegalArgumentException("a post's length " + length + " > its limit " + limit);
    }
  }
}

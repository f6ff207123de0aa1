package org.paperboy.compose;

/** A platform's own way of measuring a post. Implementations are thread-safe. */
public interface TextCounter {

  /** The longest post the platform accepts, in its units. */
  int limit();

  /** The length of {@code text} in the platform's units. */
  int length(String text);

  /**
   * An upper bound on what one code point adds to a text's length, used to cut long text without
   * measuring every candidate; {@link #length} has the last word.
   */
  int weightOf(int codePoint);
}

package org.paperboy.model;

import java.util.Objects;

/**
 * What a post says about a paper, as clean plain text: no markup, entities decoded, whitespace
 * folded.
 *
 * @param title the paper's title
 * @param text the summary of its abstract; empty when the entry had no abstract
 */
public record Summary(String title, String text) {

  public Summary {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
  }
}

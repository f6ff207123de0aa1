package org.paperboy.model;

import java.util.List;
import java.util.Objects;

/**
 * What a post says about a paper, as clean plain text: no markup, entities decoded, whitespace
 * folded.
 *
 * @param title the paper's title, cleaned of publisher artefacts
 * @param sentences the sentences worth posting, best first (a conclusion, else findings, else the
 *     lead); empty when the entry had no abstract
 */
public record Summary(String title, List<String> sentences) {

  public Summary {
    Objects.requireNonNull(title, "title");
    sentences = List.copyOf(sentences);
  }

  /** The sentences as one text. */
  public String text() {
    return String.join(" ", sentences);
  }
}

package org.paperboy.compose;

import java.util.List;
import java.util.Map;
import org.paperboy.model.Placeholder;

/**
 * A paper's post in parts, before it is fitted: the values that never shorten, and the elastic ones
 * with their shorter forms.
 *
 * @param fixed the link, DOI, journal, hashtags, first author and date
 * @param title the title, in full
 * @param sentences the summary's sentences, best first
 * @param authors how {@code {authors}} may read, longest first
 * @param credits the handles to credit, in author order
 */
record PostParts(
    Map<Placeholder, String> fixed,
    String title,
    List<String> sentences,
    List<String> authors,
    List<String> credits) {

  /** The parts of a thread's first post: everything but the summary. */
  PostParts withoutSummary() {
    return new PostParts(fixed, title, List.of(), authors, credits);
  }

  /** The parts of a thread's reply: the summary alone. */
  PostParts summaryOnly() {
    return new PostParts(fixed, "", sentences, List.of(""), List.of());
  }
}

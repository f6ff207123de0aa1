package org.paperboy.compose;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * These parts with the title set apart from the words that follow it in {@code template}: a title
   * that does not end in punctuation gets a full stop where the template joins it to the summary
   * (or authors, journal…) with a mere space, so that "…in Elderly Women This study showed…" reads
   * "…in Elderly Women. This study showed…".
   */
  PostParts withTitleSetApartIn(Template template) {
    if (title.isEmpty() || endsInPunctuation(title)) {
      return this;
    }
    Set<Placeholder> filled = EnumSet.of(Placeholder.TITLE);
    fixed.forEach(
        (placeholder, value) -> {
          if (!value.isEmpty()) {
            filled.add(placeholder);
          }
        });
    if (!sentences.isEmpty()) {
      filled.add(Placeholder.SUMMARY);
    }
    if (!authors.get(0).isEmpty()) {
      filled.add(Placeholder.AUTHORS);
    }
    if (!credits.isEmpty()) {
      filled.add(Placeholder.CREDITS);
    }
    if (!template.runsIntoWords(Placeholder.TITLE, filled)) {
      return this;
    }
    int last = title.codePointBefore(title.length());
    String stop = Character.isIdeographic(last) ? "。" : ".";
    return new PostParts(fixed, title + stop, sentences, authors, credits);
  }

  private static boolean endsInPunctuation(String text) {
    return ".?!…:;。？！：；".indexOf(text.charAt(text.length() - 1)) >= 0;
  }

  /** The parts of a thread's first post: everything but the summary. */
  PostParts withoutSummary() {
    return new PostParts(fixed, title, List.of(), authors, credits);
  }

  /** The parts of a thread's reply: the summary alone. */
  PostParts summaryOnly() {
    return new PostParts(fixed, "", sentences, List.of(""), List.of());
  }
}

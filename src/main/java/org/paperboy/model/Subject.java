package org.paperboy.model;

import java.util.Objects;

/**
 * What a post is about, beside its text: for a platform that shows a link card (title, link and
 * summary) or finds its own posts again by their link and title.
 *
 * @param title the paper's title, clean text
 * @param link the link the post carries, or empty
 * @param summary the summary's text, or empty
 */
public record Subject(String title, String link, String summary) {

  public Subject {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(summary, "summary");
  }
}

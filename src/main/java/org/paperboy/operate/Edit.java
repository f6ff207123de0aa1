package org.paperboy.operate;

import java.util.Objects;

/**
 * How an edit of a post's text ended.
 *
 * @param outcome saved, or why not
 * @param message what happened, in words a maintainer can act on
 */
public record Edit(Outcome outcome, String message) {

  /** Whether the text was saved. */
  public enum Outcome {
    /** Saved: it is what will be posted, and a config reload keeps it. */
    SAVED,
    /** Refused (too long, empty): the post keeps its old text. */
    REFUSED,
    /**
     * There is no such post, or it may no longer change (sent, sending, or its outcome unknown).
     */
    NOT_EDITABLE
  }

  public Edit {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
  }

  public boolean saved() {
    return outcome == Outcome.SAVED;
  }
}

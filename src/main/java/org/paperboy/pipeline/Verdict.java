package org.paperboy.pipeline;

import java.util.List;
import java.util.Objects;
import org.paperboy.model.Paper;
import org.paperboy.model.Post;

/**
 * What becomes of one feed entry, and why.
 *
 * @param paper the entry (enriched, when it is to be posted)
 * @param outcome what happens to it
 * @param reason why it is not posted; {@code null} when it is
 * @param posts the post and, for a threaded feed, its reply; empty when not posted
 */
public record Verdict(Paper paper, Outcome outcome, String reason, List<Post> posts) {

  /** What happens to an entry. */
  public enum Outcome {
    /** Queued to be posted. */
    POST,
    /**
     * Recorded as seen without a post: filtered, beyond a first poll's backfill, or a paper the
     * account has from another feed.
     */
    RECORD,
    /** Left alone: this feed showed it before. */
    SKIP,
    /** Left unrecorded so that a later poll tries again (a template that cannot fit). */
    RETRY
  }

  public Verdict {
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(outcome, "outcome");
    posts = List.copyOf(posts);
  }
}

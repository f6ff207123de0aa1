package org.paperboy.pipeline;

import java.util.List;
import java.util.Objects;
import org.paperboy.model.Paper;
import org.paperboy.model.Picture;
import org.paperboy.model.Post;
import org.paperboy.model.Subject;

/**
 * What becomes of one feed entry for one of its feed's accounts, and why.
 *
 * @param accountId the account
 * @param paper the entry (enriched, when it is to be posted)
 * @param outcome what happens to it
 * @param reason why it is not posted; {@code null} when it is
 * @param posts the post and, for a threaded feed, its reply, in the account's platform's words;
 *     empty when not posted
 * @param subject what the post is about (title, link, summary), or {@code null} when not posted
 * @param picture the picture the post carries, or {@code null}
 */
public record Verdict(
    String accountId,
    Paper paper,
    Outcome outcome,
    String reason,
    List<Post> posts,
    Subject subject,
    Picture picture) {

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
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(outcome, "outcome");
    posts = List.copyOf(posts);
  }

  /** A verdict without a post. */
  static Verdict without(String accountId, Paper paper, Outcome outcome, String reason) {
    return new Verdict(accountId, paper, outcome, reason, List.of(), null, null);
  }

  /** This verdict with {@code picture} on its post. */
  Verdict withPicture(Picture picture) {
    return new Verdict(accountId, paper, outcome, reason, posts, subject, picture);
  }
}

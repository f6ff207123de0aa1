package org.paperboy.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperboy.compose.PostComposer;
import org.paperboy.enrich.Enricher;
import org.paperboy.model.Paper;
import org.paperboy.model.Post;
import org.paperboy.store.JdbcPaperStore;
import org.paperboy.summarise.Summariser;

/**
 * Decides, for one feed entry, whether it is posted and with what text, reading the store but never
 * writing it; polling records its verdicts, preview prints them. Thread-safe.
 */
final class EntryJudge {

  private final Enricher enricher;
  private final Summariser summariser;
  private final PostComposer composer;
  private final JdbcPaperStore papers;

  EntryJudge(
      Enricher enricher, Summariser summariser, PostComposer composer, JdbcPaperStore papers) {
    this.enricher = enricher;
    this.summariser = summariser;
    this.composer = composer;
    this.papers = papers;
  }

  /**
   * The verdict on {@code paper}.
   *
   * @param seen the entries of this feed seen before, by guid (see {@link #seen})
   * @param backfill on a first poll, the entries it may post; {@code null} on later polls
   * @param claimed identities already posted earlier in this same cycle, with their feed
   */
  Verdict judge(
      FeedPlan plan,
      Paper paper,
      Set<String> seen,
      Set<Paper> backfill,
      Map<String, String> claimed,
      Instant now) {
    if (seen.contains(paper.guid())) {
      return new Verdict(paper, Verdict.Outcome.SKIP, "already seen in this feed", List.of());
    }
    Optional<String> rejected = plan.filter().rejects(paper, now);
    if (rejected.isPresent()) {
      return new Verdict(paper, Verdict.Outcome.RECORD, "filtered: " + rejected.get(), List.of());
    }
    if (backfill != null && !backfill.contains(paper)) {
      return new Verdict(
          paper,
          Verdict.Outcome.RECORD,
          "first poll: older than the newest "
              + plan.feed().backfill()
              + " (backfill), recorded as seen",
          List.of());
    }
    Paper full = plan.feed().enrich() ? enricher.enrich(paper) : paper;
    Optional<String> owner = sameAs(plan, full, claimed);
    if (owner.isPresent()) {
      return new Verdict(full, Verdict.Outcome.RECORD, owner.get(), List.of());
    }
    List<Post> posts;
    try {
      posts =
          composer.posts(
              plan.style(),
              full,
              summariser.summarise(full),
              now.atOffset(ZoneOffset.UTC).toLocalDate());
    } catch (IllegalArgumentException e) {
      return new Verdict(
          full, Verdict.Outcome.RETRY, "cannot compose a post: " + e.getMessage(), List.of());
    }
    return new Verdict(full, Verdict.Outcome.POST, null, posts);
  }

  /** The guids of {@code entries} that their feed showed before, looked up at once. */
  Set<String> seen(FeedPlan plan, List<Paper> entries) {
    return papers.seenInFeed(plan.feed().id(), entries.stream().map(Paper::guid).toList());
  }

  private Optional<String> sameAs(FeedPlan plan, Paper paper, Map<String, String> claimed) {
    String identity = paper.identity();
    String what = identity.startsWith("doi:") ? "same DOI" : "same link";
    Optional<String> stored = papers.firstFeedOf(plan.feed().accountId(), identity);
    if (stored.isPresent()) {
      return Optional.of(what + " as a paper of feed " + stored.get() + " (" + identity + ")");
    }
    String earlier = claimed.get(plan.feed().accountId() + " " + identity);
    if (earlier != null) {
      return Optional.of(
          what + " as a paper of feed " + earlier + " in this cycle (" + identity + ")");
    }
    return Optional.empty();
  }
}

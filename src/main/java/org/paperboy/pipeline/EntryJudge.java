package org.paperboy.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperboy.compose.PostComposer;
import org.paperboy.enrich.Enricher;
import org.paperboy.model.Paper;
import org.paperboy.model.PaperKey;
import org.paperboy.model.Post;
import org.paperboy.store.JdbcPaperStore;
import org.paperboy.summarise.Summariser;

/**
 * Decides, for each entry of a feed, whether it is posted and with what text, reading the store but
 * never writing it; polling records its verdicts, preview prints them. Thread-safe.
 */
final class EntryJudge {

  // One feed's poll may take no longer than this (of the machine's time, not the clock's), so
  // that no input stalls the feeds polled after it; what is left waits for the next poll.
  static final Duration WORK_LIMIT = Duration.ofMinutes(2);

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
   * The verdict on each of {@code entries}, oldest first. A feed's first poll records what it holds
   * as seen and posts only its newest {@code backfill} entries, so adding a feed never floods an
   * account.
   *
   * @param firstPoll whether the feed was never polled before
   * @param claimed the papers posted earlier in this same cycle, with the feed that brought each;
   *     the papers this feed posts are added
   */
  List<Verdict> judgeAll(
      FeedPlan plan,
      List<Paper> entries,
      boolean firstPoll,
      Map<PaperKey, String> claimed,
      Instant now) {
    long deadline = System.nanoTime() + WORK_LIMIT.toNanos();
    Set<Paper> backfill = firstPoll ? newest(entries, plan.feed().backfill()) : null;
    // An entry listed twice is seen by the time its second listing is judged.
    Set<String> seen =
        new HashSet<>(
            papers.seenInFeed(plan.feed().id(), entries.stream().map(Paper::guid).toList()));
    List<Verdict> verdicts = new ArrayList<>();
    for (Paper paper : oldestFirst(entries)) {
      if (System.nanoTime() > deadline) {
        verdicts.add(
            new Verdict(
                paper,
                Verdict.Outcome.RETRY,
                "left for the next poll: this poll's work passed its limit of "
                    + WORK_LIMIT.toMinutes()
                    + " minutes",
                List.of()));
        continue;
      }
      Verdict verdict = judge(plan, paper, seen, backfill, claimed, now);
      seen.add(paper.guid());
      if (verdict.outcome() == Verdict.Outcome.POST) {
        claimed.put(PaperKey.of(plan.feed().accountId(), verdict.paper()), plan.feed().id());
      }
      verdicts.add(verdict);
    }
    return verdicts;
  }

  private Verdict judge(
      FeedPlan plan,
      Paper paper,
      Set<String> seen,
      Set<Paper> backfill,
      Map<PaperKey, String> claimed,
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
    Paper full;
    try {
      full = plan.feed().enrich() ? enricher.enrich(paper) : paper;
    } catch (RuntimeException e) {
      // The page's failure leaves the paper as the feed gave it.
      full = paper;
    }
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
    } catch (RuntimeException e) {
      // A defect met on this entry's text is this entry's alone: the feed's others go on.
      return new Verdict(full, Verdict.Outcome.RETRY, "cannot compose a post: " + e, List.of());
    }
    return new Verdict(full, Verdict.Outcome.POST, null, posts);
  }

  private Optional<String> sameAs(FeedPlan plan, Paper paper, Map<PaperKey, String> claimed) {
    PaperKey key = PaperKey.of(plan.feed().accountId(), paper);
    String what = key.identity().kind().sameness();
    Optional<String> stored = papers.firstFeedOf(key);
    if (stored.isPresent()) {
      return Optional.of(
          what + " as a paper of feed " + stored.get() + " (" + key.identity() + ")");
    }
    String earlier = claimed.get(key);
    if (earlier != null) {
      return Optional.of(
          what + " as a paper of feed " + earlier + " in this cycle (" + key.identity() + ")");
    }
    return Optional.empty();
  }

  /**
   * Entries oldest first, so that papers arriving together are queued (and posted) in order;
   * undated entries keep the feed's order, which lists the newest first.
   */
  static List<Paper> oldestFirst(List<Paper> entries) {
    List<Paper> ordered = new ArrayList<>(entries);
    Collections.reverse(ordered);
    ordered.sort(
        Comparator.comparing(Paper::published, Comparator.nullsLast(Comparator.naturalOrder())));
    return ordered;
  }

  /** The {@code count} newest entries: by date where the feed gives dates, else feed order. */
  static Set<Paper> newest(List<Paper> entries, int count) {
    List<Paper> sorted = new ArrayList<>(entries);
    sorted.sort(
        Comparator.comparing(Paper::published, Comparator.nullsLast(Comparator.reverseOrder())));
    return new HashSet<>(sorted.subList(0, Math.min(count, sorted.size())));
  }
}

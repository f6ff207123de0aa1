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
import org.paperboy.model.Picture;
import org.paperboy.model.Post;
import org.paperboy.model.Summary;
import org.paperboy.picture.PictureLoader;
import org.paperboy.store.JdbcPaperStore;
import org.paperboy.summarise.Summariser;

/**
 * Decides, for each entry of a feed and each of its accounts, whether it is posted and with what
 * text, reading the store but never writing it; polling records its verdicts, preview prints them.
 * An entry is filtered, enriched and summarised once, then written for each account's platform.
 * Thread-safe.
 */
final class EntryJudge {

  // One feed's poll may take no longer than this (of the machine's time, not the clock's), so
  // that no input stalls the feeds polled after it; what is left waits for the next poll.
  static final Duration WORK_LIMIT = Duration.ofMinutes(2);

  // How the reason begins when a paper no other feed claimed cannot be written as a post.
  static final String CANNOT_COMPOSE = "cannot compose a post: ";

  private final Enricher enricher;
  private final Summariser summariser;
  private final Map<String, PostComposer> composers;
  private final PictureLoader pictures;
  private final Set<String> textOnly;
  private final JdbcPaperStore papers;

  /**
   * @param composers each account's composer, writing for its platform, by account id
   * @param textOnly the accounts whose posts carry no pictures
   */
  EntryJudge(
      Enricher enricher,
      Summariser summariser,
      Map<String, PostComposer> composers,
      PictureLoader pictures,
      Set<String> textOnly,
      JdbcPaperStore papers) {
    this.enricher = enricher;
    this.summariser = summariser;
    this.composers = Map.copyOf(composers);
    this.pictures = pictures;
    this.textOnly = Set.copyOf(textOnly);
    this.papers = papers;
  }

  /**
   * The verdicts on each of {@code entries}, oldest first, one for each of the feed's accounts. A
   * feed's first poll records what it holds as seen and posts only its newest {@code backfill}
   * entries, so adding a feed never floods an account.
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
        verdicts.addAll(
            all(
                plan,
                paper,
                Verdict.Outcome.RETRY,
                "left for the next poll: this poll's work passed its limit of "
                    + WORK_LIMIT.toMinutes()
                    + " minutes"));
        continue;
      }
      List<Verdict> judged = judge(plan, paper, seen, backfill, claimed, now);
      seen.add(paper.guid());
      for (Verdict verdict : judged) {
        if (verdict.outcome() == Verdict.Outcome.POST) {
          claimed.put(PaperKey.of(verdict.accountId(), verdict.paper()), plan.feed().id());
        }
      }
      verdicts.addAll(judged);
    }
    return verdicts;
  }

  private List<Verdict> judge(
      FeedPlan plan,
      Paper paper,
      Set<String> seen,
      Set<Paper> backfill,
      Map<PaperKey, String> claimed,
      Instant now) {
    if (seen.contains(paper.guid())) {
      return all(plan, paper, Verdict.Outcome.SKIP, "already seen in this feed");
    }
    Optional<String> rejected = plan.filter().rejects(paper, now);
    if (rejected.isPresent()) {
      return all(plan, paper, Verdict.Outcome.RECORD, "filtered: " + rejected.get());
    }
    if (backfill != null && !backfill.contains(paper)) {
      return all(
          plan,
          paper,
          Verdict.Outcome.RECORD,
          "first poll: older than the newest "
              + plan.feed().backfill()
              + " (backfill), recorded as seen");
    }
    boolean wantsPicture =
        plan.feed().images()
            && plan.feed().accountIds().stream().anyMatch(id -> !textOnly.contains(id));
    Paper full;
    try {
      full = plan.feed().enrich() ? enricher.enrich(paper, wantsPicture) : paper;
    } catch (RuntimeException e) {
      // The page's failure leaves the paper as the feed gave it.
      full = paper;
    }
    Summary summary;
    try {
      summary = summariser.summarise(full);
    } catch (RuntimeException e) {
      // A defect met on this entry's text is this entry's alone: the feed's others go on.
      return all(plan, full, Verdict.Outcome.RETRY, "cannot summarise it: " + e);
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (String accountId : plan.feed().accountIds()) {
      verdicts.add(forAccount(plan, accountId, full, summary, claimed, now));
    }
    return wantsPicture ? withPicture(plan, full, summary, verdicts) : verdicts;
  }

  /**
   * The verdicts with the paper's picture on the posts of the accounts that carry pictures; the
   * picture is fetched once, and only when such a post is made.
   */
  private List<Verdict> withPicture(
      FeedPlan plan, Paper paper, Summary summary, List<Verdict> verdicts) {
    boolean wanted =
        verdicts.stream()
            .anyMatch(
                v -> v.outcome() == Verdict.Outcome.POST && !textOnly.contains(v.accountId()));
    if (!wanted || paper.pictures().isEmpty()) {
      return verdicts;
    }
    String alt = PostComposer.alt(plan.imageAlt(), paper, summary);
    // With enrich, the page's picture is the last resort when none of the entry's will do.
    Optional<Picture> picture =
        pictures.load(
            "feed " + plan.feed().id() + ": " + paper.guid(),
            paper.pictures(),
            () -> plan.feed().enrich() ? enricher.pagePicture(paper) : Optional.empty(),
            alt.isBlank() ? summary.title() : alt);
    if (picture.isEmpty()) {
      return verdicts;
    }
    List<Verdict> pictured = new ArrayList<>();
    for (Verdict verdict : verdicts) {
      boolean carries =
          verdict.outcome() == Verdict.Outcome.POST && !textOnly.contains(verdict.accountId());
      pictured.add(carries ? verdict.withPicture(picture.get()) : verdict);
    }
    return pictured;
  }

  /** The verdict for one account: a paper it has from elsewhere is recorded, else composed. */
  private Verdict forAccount(
      FeedPlan plan,
      String accountId,
      Paper paper,
      Summary summary,
      Map<PaperKey, String> claimed,
      Instant now) {
    Optional<String> owner = sameAs(PaperKey.of(accountId, paper), claimed);
    if (owner.isPresent()) {
      return Verdict.without(accountId, paper, Verdict.Outcome.RECORD, owner.get());
    }
    PostComposer composer = composers.get(accountId);
    List<Post> posts;
    try {
      posts =
          composer.posts(plan.style(), paper, summary, now.atOffset(ZoneOffset.UTC).toLocalDate());
    } catch (IllegalArgumentException e) {
      return Verdict.without(
          accountId, paper, Verdict.Outcome.RETRY, CANNOT_COMPOSE + e.getMessage());
    } catch (RuntimeException e) {
      // A defect met on this entry's text is this entry's alone: the feed's others go on.
      return Verdict.without(accountId, paper, Verdict.Outcome.RETRY, CANNOT_COMPOSE + e);
    }
    return new Verdict(
        accountId,
        paper,
        Verdict.Outcome.POST,
        null,
        posts,
        PostComposer.subject(paper, summary),
        null);
  }

  /** The same verdict for each of the feed's accounts. */
  private static List<Verdict> all(
      FeedPlan plan, Paper paper, Verdict.Outcome outcome, String reason) {
    List<Verdict> verdicts = new ArrayList<>();
    for (String accountId : plan.feed().accountIds()) {
      verdicts.add(Verdict.without(accountId, paper, outcome, reason));
    }
    return verdicts;
  }

  private Optional<String> sameAs(PaperKey key, Map<PaperKey, String> claimed) {
    String what = key.identity().kind().sameness();
    Optional<String> stored = papers.firstFeedOf(key);
    if (stored.isPresent()) {
      return Optional.of(
          what + " as a paper of feed " + stored.get() + " (" + key.identity() + ")");
    }
    String earlier = claimed.get(key);
    return earlier == null ? Optional.empty() : Optional.of(claimedIn(key, earlier));
  }

  /** Why a paper is recorded without a post: {@code feedId} brought it earlier in this cycle. */
  static String claimedIn(PaperKey key, String feedId) {
    return key.identity().kind().sameness()
        + " as a paper of feed "
        + feedId
        + " in this cycle ("
        + key.identity()
        + ")";
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

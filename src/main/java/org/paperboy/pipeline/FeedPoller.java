package org.paperboy.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.compose.PostComposer;
import org.paperboy.config.FeedConfig;
import org.paperboy.enrich.Enricher;
import org.paperboy.fetch.FeedFetcher;
import org.paperboy.fetch.FetchResult;
import org.paperboy.fetch.Validators;
import org.paperboy.model.Paper;
import org.paperboy.parse.FeedParseException;
import org.paperboy.parse.FeedParser;
import org.paperboy.parse.ParsedFeed;
import org.paperboy.store.FeedState;
import org.paperboy.store.JdbcFeedStore;
import org.paperboy.store.JdbcPaperStore;
import org.paperboy.store.NewPaper;
import org.paperboy.store.Sighting;
import org.paperboy.summarise.Summariser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Polls one feed: fetch, parse, and for each entry never seen, filter, enrich, summarise, compose
 * and queue. A feed's first poll records what it holds as seen and queues only its newest {@code
 * backfill} entries, so adding a feed never floods an account. Failures are logged in one line and
 * counted on the feed's row; they never throw. Thread-safe; one poll of a feed at a time.
 */
public final class FeedPoller {

  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

  private final FeedFetcher fetcher;
  private final FeedParser parser;
  private final EntryJudge judge;
  private final JdbcFeedStore feeds;
  private final JdbcPaperStore papers;
  private final Clock clock;
  private final Set<String> heldAccounts;
  private final Events events;

  /**
   * @param heldAccounts the accounts whose posts wait for approval
   * @param events where polls and new papers are reported
   */
  public FeedPoller(
      FeedFetcher fetcher,
      FeedParser parser,
      Enricher enricher,
      Summariser summariser,
      PostComposer composer,
      JdbcFeedStore feeds,
      JdbcPaperStore papers,
      Clock clock,
      Set<String> heldAccounts,
      Events events) {
    this.heldAccounts = Set.copyOf(heldAccounts);
    this.events = events;
    this.fetcher = fetcher;
    this.parser = parser;
    this.judge = new EntryJudge(enricher, summariser, composer, papers);
    this.feeds = feeds;
    this.papers = papers;
    this.clock = clock;
  }

  /** Polls {@code feed} once. */
  public PollReport poll(FeedConfig feed) {
    // The feed's id rides along as a field of every log event of this poll (JSON logs show it).
    MDC.put("feed", feed.id());
    try {
      return pollNow(feed);
    } finally {
      MDC.remove("feed");
    }
  }

  private PollReport pollNow(FeedConfig feed) {
    FeedState state = feeds.state(feed.id());
    Instant now = clock.instant();
    if (state.nextPollAt() != null && now.isBefore(state.nextPollAt())) {
      // The server's max-age or Retry-After, or the backoff after failures, has not passed.
      log.debug("feed {}: not due before {}", feed.id(), state.nextPollAt());
      return new PollReport(feed.id(), 0, 0, 0, null);
    }
    String url = feed.url().toString();
    FetchResult result =
        fetcher.fetch(feed.url(), new Validators(state.etag(), state.lastModified()));
    now = clock.instant();
    if (result instanceof FetchResult.Failed failed) {
      return failure(feed, state, failed.reason(), failed.retryAfter(), now);
    }
    Instant fresh = result.freshFor() == null ? null : now.plus(result.freshFor());
    if (result instanceof FetchResult.NotModified) {
      feeds.recordSuccess(
          feed.id(), url, state.etag(), state.lastModified(), "not modified", now, fresh);
      log.debug("feed {}: not modified", feed.id());
      events.polled(feed.id(), null);
      return new PollReport(feed.id(), 0, 0, 0, null);
    }
    FetchResult.Fetched fetched = (FetchResult.Fetched) result;
    ParsedFeed parsed;
    try {
      parsed = parser.parse(feed.id(), fetched.body(), fetched.contentType(), fetched.url());
    } catch (FeedParseException e) {
      return failure(feed, state, e.getMessage(), null, now);
    }
    for (String warning : parsed.warnings()) {
      log.warn("feed {}: {}: {}", feed.id(), fetched.url(), warning);
    }
    PollReport report = record(FeedPlan.of(feed), parsed.papers(), !state.polledBefore(), now);
    String status =
        report.entries() + " entries, " + report.fresh() + " new, " + report.queued() + " queued";
    feeds.recordSuccess(
        feed.id(),
        url,
        fetched.validators().etag(),
        fetched.validators().lastModified(),
        status,
        now,
        fresh);
    log.info("feed {}: {}", feed.id(), status);
    events.polled(feed.id(), null);
    events.papersSeen(feed.id(), report.fresh());
    return report;
  }

  private PollReport failure(
      FeedConfig feed, FeedState state, String reason, Duration retryAfter, Instant now) {
    int inARow = state.errorCount() + 1;
    Duration wait = FailureBackoff.after(inARow);
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter;
    }
    feeds.recordFailure(feed.id(), feed.url().toString(), reason, now, now.plus(wait));
    log.warn(
        "feed {}: {} ({} failure{} in a row; next try after {})",
        feed.id(),
        reason,
        inARow,
        inARow == 1 ? "" : "s",
        FailureBackoff.describe(wait));
    if (inARow == FailureBackoff.FLAG_AFTER) {
      log.error(
          "feed {} is failing: {} polls in a row since {}; check its URL ({}), it is polled less often until it recovers",
          feed.id(),
          inARow,
          state.lastPolledAt() == null ? "its first poll" : "before " + state.lastPolledAt(),
          feed.url());
    }
    events.polled(feed.id(), reason);
    return new PollReport(feed.id(), 0, 0, 0, reason);
  }

  private PollReport record(FeedPlan plan, List<Paper> entries, boolean firstPoll, Instant now) {
    Set<Paper> backfill = firstPoll ? newest(entries, plan.feed().backfill()) : null;
    Map<String, String> claimed = new HashMap<>();
    int fresh = 0;
    List<NewPaper> toRecord = new ArrayList<>();
    // An entry listed twice is seen by the time its second listing is judged.
    Set<String> seen = new HashSet<>(judge.seen(plan, entries));
    for (Paper paper : oldestFirst(entries)) {
      Verdict verdict = judge.judge(plan, paper, seen, backfill, claimed, now);
      seen.add(paper.guid());
      switch (verdict.outcome()) {
        case SKIP -> {
          continue;
        }
        case RETRY -> log.warn("feed {}: {}: {}", plan.feed().id(), paper.guid(), verdict.reason());
        case RECORD -> toRecord.add(newPaper(plan.feed(), verdict, null, null));
        case POST -> {
          String reply = verdict.posts().size() > 1 ? verdict.posts().get(1).text() : null;
          toRecord.add(newPaper(plan.feed(), verdict, verdict.posts().get(0).text(), reply));
          claimed.put(plan.feed().accountId() + " " + verdict.paper().identity(), plan.feed().id());
        }
      }
      fresh++;
    }
    // One transaction for the poll's papers: recorded and queued together, or not at all.
    List<Sighting> sightings = papers.recordAll(toRecord, now);
    int queued = 0;
    for (int i = 0; i < toRecord.size(); i++) {
      if (toRecord.get(i).postText() != null && sightings.get(i) == Sighting.NEW) {
        queued++;
      }
    }
    return new PollReport(plan.feed().id(), entries.size(), fresh, queued, null);
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

  private NewPaper newPaper(FeedConfig feed, Verdict verdict, String text, String reply) {
    Paper paper = verdict.paper();
    return new NewPaper(
        feed.accountId(),
        feed.id(),
        paper.guid(),
        paper.identity(),
        paper.doi(),
        paper.link(),
        paper.title(),
        paper.published(),
        text,
        reply,
        heldAccounts.contains(feed.accountId()),
        text == null ? null : paper);
  }

  /** Polls every feed in {@code feeds}, one after another; for {@code once} and tests. */
  public List<PollReport> pollAll(Map<String, FeedConfig> feeds) {
    List<PollReport> reports = new ArrayList<>();
    for (FeedConfig feed : feeds.values()) {
      reports.add(poll(feed));
    }
    return reports;
  }

  /** The judge, for previews that must decide exactly as polls do. */
  EntryJudge judge() {
    return judge;
  }
}

package org.paperboy.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.compose.PostComposer;
import org.paperboy.config.FeedConfig;
import org.paperboy.enrich.Enricher;
import org.paperboy.fetch.FeedFetcher;
import org.paperboy.fetch.Validators;
import org.paperboy.model.Paper;
import org.paperboy.model.PaperKey;
import org.paperboy.model.Post;
import org.paperboy.parse.FeedParser;
import org.paperboy.picture.PictureLoader;
import org.paperboy.store.FeedState;
import org.paperboy.store.JdbcFeedStore;
import org.paperboy.store.JdbcPaperStore;
import org.paperboy.store.LeftEntry;
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

  private final FeedSource source;
  private final EntryJudge judge;
  private final PostKeys keys;
  private final JdbcFeedStore feeds;
  private final JdbcPaperStore papers;
  private final Clock clock;
  private final Set<String> heldAccounts;
  private final Events events;

  /**
   * @param textOnly the accounts whose posts carry no pictures
   * @param heldAccounts the accounts whose posts wait for approval
   * @param events where polls and new papers are reported
   */
  public FeedPoller(
      FeedFetcher fetcher,
      FeedParser parser,
      Enricher enricher,
      Summariser summariser,
      Map<String, PostComposer> composers,
      PictureLoader pictures,
      Set<String> textOnly,
      PostKeys keys,
      JdbcFeedStore feeds,
      JdbcPaperStore papers,
      Clock clock,
      Set<String> heldAccounts,
      Events events) {
    this.heldAccounts = Set.copyOf(heldAccounts);
    this.events = events;
    this.source = new FeedSource(fetcher, parser);
    this.judge = new EntryJudge(enricher, summariser, composers, pictures, textOnly, papers);
    this.keys = keys;
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
    } catch (RuntimeException e) {
      return unexpected(feed, e);
    } finally {
      MDC.remove("feed");
    }
  }

  /**
   * Whatever a library throws while a feed is polled is that feed's failure alone: one named line,
   * counted on its row and backed off like any other; the other feeds go on.
   */
  private PollReport unexpected(FeedConfig feed, RuntimeException e) {
    String reason = "polling " + feed.url() + " failed unexpectedly: " + e;
    try {
      return failure(feed, feeds.state(feed.id()), reason, null, clock.instant());
    } catch (RuntimeException store) {
      log.error(
          "feed {}: {}; and it could not be recorded: {}", feed.id(), reason, store.toString());
      events.polled(feed.id(), reason);
      return new PollReport(feed.id(), 0, 0, 0, reason);
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
    FeedSource.Outcome outcome =
        source.read(feed, new Validators(state.etag(), state.lastModified()));
    now = clock.instant();
    if (outcome instanceof FeedSource.Failed failed) {
      return failure(feed, state, failed.reason(), failed.retryAfter(), now);
    }
    if (outcome instanceof FeedSource.Unchanged unchanged) {
      feeds.recordSuccess(
          feed.id(),
          url,
          state.etag(),
          state.lastModified(),
          "not modified",
          now,
          freshUntil(now, unchanged.freshFor()));
      log.debug("feed {}: not modified", feed.id());
      events.polled(feed.id(), null);
      return new PollReport(feed.id(), 0, 0, 0, null);
    }
    FeedSource.Parsed parsed = (FeedSource.Parsed) outcome;
    for (String warning : parsed.feed().warnings()) {
      log.warn("feed {}: {}: {}", feed.id(), parsed.url(), warning);
    }
    PollReport report =
        record(FeedPlan.of(feed), parsed.feed().papers(), !state.polledBefore(), now);
    String status =
        report.entries() + " entries, " + report.fresh() + " new, " + report.queued() + " queued";
    feeds.recordSuccess(
        feed.id(),
        url,
        parsed.validators().etag(),
        parsed.validators().lastModified(),
        status,
        now,
        freshUntil(now, parsed.freshFor()));
    log.info("feed {}: {}", feed.id(), status);
    events.polled(feed.id(), null);
    events.papersSeen(feed.id(), report.fresh());
    return report;
  }

  private static Instant freshUntil(Instant now, Duration freshFor) {
    return freshFor == null ? null : now.plus(freshFor);
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
    List<Verdict> verdicts = judge.judgeAll(plan, entries, firstPoll, new HashMap<>(), now);
    Set<String> fresh = new HashSet<>();
    List<NewPaper> toRecord = new ArrayList<>();
    List<LeftEntry> left = new ArrayList<>();
    // Each entry comes as one verdict per account, together.
    for (int i = 0; i < verdicts.size(); ) {
      int end = i + 1;
      while (end < verdicts.size()
          && verdicts.get(end).paper().guid().equals(verdicts.get(i).paper().guid())) {
        end++;
      }
      List<Verdict> entry = verdicts.subList(i, end);
      i = end;
      if (entry.get(0).outcome() == Verdict.Outcome.SKIP) {
        continue;
      }
      fresh.add(entry.get(0).paper().guid());
      boolean anyRecorded = false;
      for (Verdict verdict : entry) {
        if (verdict.outcome() == Verdict.Outcome.RETRY) {
          Paper paper = verdict.paper();
          left.add(
              new LeftEntry(
                  verdict.accountId(),
                  paper.guid(),
                  paper.title(),
                  paper.link(),
                  verdict.reason()));
          log.warn(
              "feed {}: {}{}: {}",
              plan.feed().id(),
              verdict.paper().guid(),
              entry.size() > 1 ? " for account " + verdict.accountId() : "",
              verdict.reason());
        } else {
          anyRecorded = true;
        }
      }
      // An entry no account could take is left unrecorded, for the next poll to try again.
      if (anyRecorded) {
        for (Verdict verdict : entry) {
          if (verdict.outcome() != Verdict.Outcome.RETRY) {
            toRecord.add(newPaper(plan.feed(), verdict));
          }
        }
      }
    }
    // One transaction for the poll's papers: recorded and queued together, or not at all.
    // What could not be posted, and why, is kept too: feeds --feed and the dashboard show it.
    List<Sighting> sightings = papers.recordAll(plan.feed().id(), toRecord, left, now);
    int queued = 0;
    for (int i = 0; i < toRecord.size(); i++) {
      if (toRecord.get(i).postText() != null && sightings.get(i) == Sighting.NEW) {
        queued++;
      }
    }
    return new PollReport(plan.feed().id(), entries.size(), fresh.size(), queued, null);
  }

  private NewPaper newPaper(FeedConfig feed, Verdict verdict) {
    Paper paper = verdict.paper();
    boolean post = verdict.outcome() == Verdict.Outcome.POST;
    List<Post> posts = verdict.posts();
    return new NewPaper(
        PaperKey.of(verdict.accountId(), paper),
        feed.id(),
        paper.guid(),
        paper.doi(),
        paper.link(),
        paper.title(),
        paper.published(),
        post ? posts.get(0).text() : null,
        post && posts.size() > 1 ? posts.get(1).text() : null,
        heldAccounts.contains(verdict.accountId()),
        post ? paper : null,
        post ? keys.next() : null,
        post ? verdict.subject() : null,
        post ? verdict.picture() : null,
        post ? null : verdict.reason());
  }

  /** Polls every feed in {@code feeds}, one after another; for {@code once} and tests. */
  public List<PollReport> pollAll(Map<String, FeedConfig> feeds) {
    List<PollReport> reports = new ArrayList<>();
    for (FeedConfig feed : feeds.values()) {
      reports.add(poll(feed));
    }
    return reports;
  }

  /** How this poller reads feeds, for previews that must read exactly as polls do. */
  FeedSource source() {
    return source;
  }

  /** The judge, for previews that must decide exactly as polls do. */
  EntryJudge judge() {
    return judge;
  }
}

package org.paperboy.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.paperboy.config.FeedConfig;
import org.paperboy.fetch.FeedFetcher;
import org.paperboy.fetch.FetchResult;
import org.paperboy.fetch.Validators;
import org.paperboy.model.Paper;
import org.paperboy.parse.FeedParseException;
import org.paperboy.parse.FeedParser;
import org.paperboy.parse.ParsedFeed;
import org.paperboy.store.JdbcFeedStore;

/**
 * Shows what polling would post, deciding exactly as {@link FeedPoller} does, and records nothing.
 * Feeds are fetched in full (without validators) so that every entry can be judged.
 */
public final class FeedPreviewer {

  private final FeedFetcher fetcher;
  private final FeedParser parser;
  private final EntryJudge judge;
  private final JdbcFeedStore feeds;
  private final Clock clock;

  public FeedPreviewer(
      FeedFetcher fetcher, FeedParser parser, FeedPoller poller, JdbcFeedStore feeds, Clock clock) {
    this.fetcher = fetcher;
    this.parser = parser;
    this.judge = poller.judge();
    this.feeds = feeds;
    this.clock = clock;
  }

  /**
   * Previews {@code toPreview} in order.
   *
   * @param asIfPolledBefore judge every entry as a later poll would, ignoring backfill (for a URL
   *     that no feed polls yet)
   */
  public List<FeedPreview> preview(
      List<FeedConfig> toPreview, boolean asIfPolledBefore, IntConsumer feedsDone) {
    Map<String, String> claimed = new HashMap<>();
    List<FeedPreview> previews = new ArrayList<>();
    for (FeedConfig feed : toPreview) {
      previews.add(preview(feed, asIfPolledBefore, claimed));
      feedsDone.accept(previews.size());
    }
    return previews;
  }

  private FeedPreview preview(
      FeedConfig feed, boolean asIfPolledBefore, Map<String, String> claimed) {
    FetchResult result = fetcher.fetch(feed.url(), Validators.NONE);
    if (result instanceof FetchResult.Failed failed) {
      return new FeedPreview(feed.id(), failed.reason(), List.of());
    }
    if (!(result instanceof FetchResult.Fetched fetched)) {
      return new FeedPreview(
          feed.id(), "the server answered 304 to an unconditional request", List.of());
    }
    ParsedFeed parsed;
    try {
      parsed = parser.parse(feed.id(), fetched.body(), fetched.contentType(), fetched.url());
    } catch (FeedParseException e) {
      return new FeedPreview(feed.id(), e.getMessage(), List.of());
    }
    boolean firstPoll = !asIfPolledBefore && !feeds.state(feed.id()).polledBefore();
    Set<Paper> backfill = firstPoll ? FeedPoller.newest(parsed.papers(), feed.backfill()) : null;
    FeedPlan plan = FeedPlan.of(feed);
    Instant now = clock.instant();
    List<Verdict> verdicts = new ArrayList<>();
    Set<String> seen = judge.seen(plan, parsed.papers());
    for (Paper paper : FeedPoller.oldestFirst(parsed.papers())) {
      Verdict verdict = judge.judge(plan, paper, seen, backfill, claimed, now);
      if (verdict.outcome() == Verdict.Outcome.POST) {
        claimed.put(feed.accountId() + " " + verdict.paper().identity(), feed.id());
      }
      verdicts.add(verdict);
    }
    return new FeedPreview(feed.id(), null, verdicts);
  }
}

package org.paperboy.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.paperboy.config.FeedConfig;
import org.paperboy.fetch.Validators;
import org.paperboy.model.PaperKey;
import org.paperboy.store.JdbcFeedStore;

/**
 * Shows what polling would post, reading and deciding exactly as {@link FeedPoller} does, and
 * records nothing. Feeds are fetched in full (without validators) so that every entry can be
 * judged.
 */
public final class FeedPreviewer {

  // Two feeds are read and judged at once: at most two requests per host, as polls do.
  private static final int WORKERS = 2;

  private final FeedSource source;
  private final EntryJudge judge;
  private final JdbcFeedStore feeds;
  private final Clock clock;

  public FeedPreviewer(FeedPoller poller, JdbcFeedStore feeds, Clock clock) {
    this.source = poller.source();
    this.judge = poller.judge();
    this.feeds = feeds;
    this.clock = clock;
  }

  /**
   * What polling each of {@code feeds} would do now.
   *
   * @param asIfPolledBefore judge every entry as a later poll would, even of a feed never polled
   * @param feedsDone told how many feeds are done after each one
   */
  public List<FeedPreview> preview(
      List<FeedConfig> feeds, boolean asIfPolledBefore, IntConsumer feedsDone) {
    // Feeds are read and judged two at a time, each as if no other feed came before it; then, in
    // the feeds' order, a paper an earlier feed posts is taken from the later ones, as one cycle
    // of polls claims papers, earlier feeds first.
    Instant now = clock.instant();
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<FeedPreview>> alone = new ArrayList<>();
      for (FeedConfig feed : feeds) {
        alone.add(workers.submit(() -> preview(feed, asIfPolledBefore, now)));
      }
      Map<PaperKey, String> claimed = new HashMap<>();
      List<FeedPreview> previews = new ArrayList<>();
      for (Future<FeedPreview> preview : alone) {
        previews.add(afterEarlierFeeds(result(preview), claimed));
        feedsDone.accept(previews.size());
      }
      return previews;
    } finally {
      workers.shutdownNow();
    }
  }

  private static FeedPreview result(Future<FeedPreview> preview) {
    try {
      return preview.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("preview interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * The feed's preview as if it were the only feed polled in this cycle; whatever it throws is its
   * error alone, as a poll's failure is that feed's alone.
   */
  private FeedPreview preview(FeedConfig feed, boolean asIfPolledBefore, Instant now) {
    try {
      return judged(feed, asIfPolledBefore, now);
    } catch (RuntimeException e) {
      return new FeedPreview(feed.id(), "cannot be previewed: " + e, List.of());
    }
  }

  private FeedPreview judged(FeedConfig feed, boolean asIfPolledBefore, Instant now) {
    FeedSource.Outcome outcome = source.read(feed, Validators.NONE);
    if (outcome instanceof FeedSource.Failed failed) {
      return new FeedPreview(feed.id(), failed.reason(), List.of());
    }
    if (!(outcome instanceof FeedSource.Parsed parsed)) {
      return new FeedPreview(
          feed.id(), "the server answered 304 to an unconditional request", List.of());
    }
    boolean firstPoll = !asIfPolledBefore && !feeds.state(feed.id()).polledBefore();
    return new FeedPreview(
        feed.id(),
        null,
        judge.judgeAll(FeedPlan.of(feed), parsed.feed().papers(), firstPoll, new HashMap<>(), now));
  }

  /**
   * {@code preview} after the feeds before it in the cycle, which claimed the papers in {@code
   * claimed}: a paper one of them posts is recorded here instead, with the reason polling gives.
   * The papers this feed posts are added to {@code claimed}.
   */
  private static FeedPreview afterEarlierFeeds(FeedPreview preview, Map<PaperKey, String> claimed) {
    List<Verdict> verdicts = new ArrayList<>();
    for (Verdict verdict : preview.verdicts()) {
      PaperKey key = PaperKey.of(verdict.accountId(), verdict.paper());
      String earlier = claimed.get(key);
      if (earlier != null && judgedAsUnclaimed(verdict, key, preview.feedId())) {
        verdicts.add(
            Verdict.without(
                verdict.accountId(),
                verdict.paper(),
                Verdict.Outcome.RECORD,
                EntryJudge.claimedIn(key, earlier)));
        continue;
      }
      if (verdict.outcome() == Verdict.Outcome.POST) {
        claimed.put(key, preview.feedId());
      }
      verdicts.add(verdict);
    }
    return new FeedPreview(preview.feedId(), preview.error(), verdicts);
  }

  /**
   * True when {@code verdict} is what a paper gets that no earlier feed claimed: posted, not
   * written for want of room, or recorded as claimed by its own feed ({@code feedId}).
   */
  private static boolean judgedAsUnclaimed(Verdict verdict, PaperKey key, String feedId) {
    return switch (verdict.outcome()) {
      case POST -> true;
      case RETRY -> verdict.reason().startsWith(EntryJudge.CANNOT_COMPOSE);
      case RECORD -> EntryJudge.claimedIn(key, feedId).equals(verdict.reason());
      case SKIP -> false;
    };
  }
}

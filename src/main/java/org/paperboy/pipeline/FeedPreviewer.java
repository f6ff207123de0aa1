package org.paperboy.pipeline;

import java.time.Clock;
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

  // Two feeds are read at once: at most two requests per host, as polls do.
  private static final int READERS = 2;

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
    // Each feed is read and parsed on a second core while the one before it is judged; judging
    // stays in the feeds' order, as one cycle of polls claims papers, earlier feeds first.
    ExecutorService readers = Executors.newFixedThreadPool(READERS);
    try {
      List<Future<FeedSource.Outcome>> outcomes = new ArrayList<>();
      for (FeedConfig feed : feeds) {
        outcomes.add(readers.submit(() -> source.read(feed, Validators.NONE)));
      }
      Map<PaperKey, String> claimed = new HashMap<>();
      List<FeedPreview> previews = new ArrayList<>();
      for (int i = 0; i < feeds.size(); i++) {
        previews.add(preview(feeds.get(i), outcome(outcomes.get(i)), asIfPolledBefore, claimed));
        feedsDone.accept(previews.size());
      }
      return previews;
    } finally {
      readers.shutdownNow();
    }
  }

  private static FeedSource.Outcome outcome(Future<FeedSource.Outcome> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("preview interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private FeedPreview preview(
      FeedConfig feed,
      FeedSource.Outcome outcome,
      boolean asIfPolledBefore,
      Map<PaperKey, String> claimed) {
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
        judge.judgeAll(
            FeedPlan.of(feed), parsed.feed().papers(), firstPoll, claimed, clock.instant()));
  }
}

package org.paperboy.pipeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    // Papers claimed by earlier feeds of this preview, as one cycle of polls would claim them.
    Map<PaperKey, String> claimed = new HashMap<>();
    List<FeedPreview> previews = new ArrayList<>();
    for (FeedConfig feed : feeds) {
      previews.add(preview(feed, asIfPolledBefore, claimed));
      feedsDone.accept(previews.size());
    }
    return previews;
  }

  private FeedPreview preview(
      FeedConfig feed, boolean asIfPolledBefore, Map<PaperKey, String> claimed) {
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
        judge.judgeAll(
            FeedPlan.of(feed), parsed.feed().papers(), firstPoll, claimed, clock.instant()));
  }
}

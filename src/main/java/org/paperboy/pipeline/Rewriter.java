package org.paperboy.pipeline;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.paperboy.compose.PostComposer;
import org.paperboy.config.FeedConfig;
import org.paperboy.model.Post;
import org.paperboy.store.JdbcFeedStore;
import org.paperboy.store.JdbcQueue;
import org.paperboy.summarise.Summariser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the posts not yet sent when a feed's template, hashtags, roster or thread setting
 * changes, from the papers they were written from: whether at a reload or between a stop and the
 * next start, since each feed's row keeps the digest of the style its posts were written with. A
 * post whose outcome is unknown, or with a part already posted, keeps its text. Thread-safe.
 */
public final class Rewriter {

  private static final Logger log = LoggerFactory.getLogger(Rewriter.class);

  private final Summariser summariser;
  private final Map<String, PostComposer> composers;
  private final JdbcQueue queue;
  private final JdbcFeedStore feeds;
  private final Clock clock;

  public Rewriter(
      Summariser summariser,
      Map<String, PostComposer> composers,
      JdbcQueue queue,
      JdbcFeedStore feeds,
      Clock clock) {
    this.summariser = summariser;
    this.composers = Map.copyOf(composers);
    this.queue = queue;
    this.feeds = feeds;
    this.clock = clock;
  }

  /**
   * Rewrites the waiting posts of each of {@code configured} whose style changed since its posts
   * were written, and records each feed's style as now in force.
   */
  public void rewriteChanged(Collection<FeedConfig> configured) {
    Map<String, String> written = feeds.styles();
    for (FeedConfig feed : configured) {
      String style = FeedPlan.of(feed).style().fingerprint();
      if (!style.equals(written.get(feed.id()))) {
        rewrite(feed);
        feeds.recordStyle(feed.id(), feed.url().toString(), style);
      }
    }
  }

  /** Rewrites {@code feed}'s waiting posts as its settings now say; returns how many changed. */
  public int rewrite(FeedConfig feed) {
    FeedPlan plan = FeedPlan.of(feed);
    int changed = 0;
    for (JdbcQueue.Pending pending : queue.pending(feed.id())) {
      PostComposer composer = composers.get(pending.accountId());
      if (composer == null) {
        // Its account left the config: its posts stay as they are.
        continue;
      }
      List<Post> posts;
      try {
        posts =
            composer.posts(
                plan.style(),
                pending.paper(),
                summariser.summarise(pending.paper()),
                clock.instant().atOffset(ZoneOffset.UTC).toLocalDate());
      } catch (RuntimeException e) {
        log.warn("feed {}: post {} keeps its text: {}", feed.id(), pending.id(), e.getMessage());
        continue;
      }
      String text = posts.get(0).text();
      String reply = posts.size() > 1 ? posts.get(1).text() : null;
      boolean same = text.equals(pending.text()) && Objects.equals(reply, pending.replyText());
      if (!same && queue.rewrite(pending.id(), text, reply, clock.instant())) {
        changed++;
      }
    }
    if (changed > 0) {
      log.info("feed {}: rewrote {} posts not yet sent with its new settings", feed.id(), changed);
    }
    return changed;
  }
}

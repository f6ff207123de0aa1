package org.paperboy.pipeline;

import org.paperboy.compose.FeedStyle;
import org.paperboy.compose.Template;
import org.paperboy.config.FeedConfig;
import org.paperboy.filter.EntryFilter;

/**
 * A feed's settings as the stages take them.
 *
 * @param feed the feed's config
 * @param style how its posts are written
 * @param filter which of its entries are worth posting
 * @param imageAlt a picture's alt text when its own says nothing
 */
public record FeedPlan(FeedConfig feed, FeedStyle style, EntryFilter filter, Template imageAlt) {

  /** The plan for {@code feed}. */
  public static FeedPlan of(FeedConfig feed) {
    FeedStyle style =
        new FeedStyle(
            Template.parse(feed.template()),
            feed.hashtags(),
            feed.hashtagRules(),
            feed.maxHashtags(),
            feed.roster(),
            feed.thread());
    EntryFilter filter =
        new EntryFilter(feed.include(), feed.exclude(), feed.skip(), feed.maxAge());
    return new FeedPlan(feed, style, filter, Template.parse(feed.imageAlt()));
  }
}

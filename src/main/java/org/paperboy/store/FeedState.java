package org.paperboy.store;

import java.time.Instant;

/**
 * What Paperboy remembers of a feed between polls.
 *
 * @param polledBefore false until the feed's first successful poll
 * @param etag the last {@code ETag}, or {@code null}
 * @param lastModified the last {@code Last-Modified}, or {@code null}
 * @param lastPolledAt when it was last polled, or {@code null}
 * @param errorCount failed polls in a row
 * @param lastError the last failure's reason, or {@code null}
 * @param nextPollAt the earliest time it may be polled again, or {@code null} for its schedule
 */
public record FeedState(
    boolean polledBefore,
    String etag,
    String lastModified,
    Instant lastPolledAt,
    int errorCount,
    String lastError,
    Instant nextPollAt) {

  public static final FeedState NEW = new FeedState(false, null, null, null, 0, null, null);
}

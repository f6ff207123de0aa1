package org.paperboy.model;

import java.time.Instant;

/**
 * A feed's standing, for maintainers.
 *
 * @param id the feed
 * @param url its address
 * @param lastPolledAt when it was last polled, or {@code null}
 * @param lastStatus the last successful poll's status, or {@code null}
 * @param lastError the last failure, or {@code null} when the last poll worked
 * @param errorCount failures in a row
 * @param papersSeen entries it has shown
 * @param lastNewAt when it last showed an entry never seen before, or {@code null}
 * @param nextPollAt the earliest next poll (max-age, Retry-After, backoff), or {@code null}
 * @param nextFireAt when its schedule next fires, or {@code null} before the service ran
 */
public record FeedOverview(
    String id,
    String url,
    Instant lastPolledAt,
    String lastStatus,
    String lastError,
    int errorCount,
    int papersSeen,
    Instant lastNewAt,
    Instant nextPollAt,
    Instant nextFireAt) {}

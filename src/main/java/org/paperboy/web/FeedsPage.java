package org.paperboy.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.paperboy.operate.FeedStanding;

/**
 * Every feed's standing.
 *
 * @param viewer who is looking
 * @param now when the page was made
 * @param feeds each feed, in the config's order, then those it no longer holds
 * @param needingALook each account's posts that may be on its platform with their retries spent
 */
public record FeedsPage(
    Viewer viewer, Instant now, List<FeedStanding> feeds, Map<String, Integer> needingALook) {}

package org.paperboy.web;

import java.time.Instant;
import java.util.List;
import org.paperboy.operate.EntryFate;
import org.paperboy.operate.FeedStanding;
import org.paperboy.operate.Preview;

/**
 * One feed: its standing, its latest entries and what became of each, and a preview when asked.
 *
 * @param viewer who is looking
 * @param now when the page was made
 * @param feed the feed
 * @param entries its latest entries, newest first
 * @param preview what polling it would do now, or {@code null} until asked
 */
public record FeedPage(
    Viewer viewer, Instant now, FeedStanding feed, List<EntryFate> entries, Preview preview) {}

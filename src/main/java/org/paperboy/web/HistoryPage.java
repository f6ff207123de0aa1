package org.paperboy.web;

import java.time.Instant;
import java.util.List;
import org.paperboy.model.PostRecord;
import org.paperboy.operate.BudgetStanding;

/**
 * The posts made.
 *
 * @param viewer who is looking
 * @param now when the page was made
 * @param days how many days back it lists
 * @param posts the posts of those days, newest first
 * @param budgets what each X account with a budget has spent this cycle
 */
public record HistoryPage(
    Viewer viewer, Instant now, int days, List<PostRecord> posts, List<BudgetStanding> budgets) {}

package org.paperboy.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.paperboy.operate.FeedStanding;
import org.paperboy.operate.Operations;
import org.paperboy.operate.Preview;
import org.paperboy.operate.Previews;

/** The feeds, one feed with its entries and a preview, and the history of posts made. */
final class FeedPages {

  // A feed's page lists this many of its latest entries.
  private static final int ENTRIES = 50;

  private final Operations operations;
  private final Previews previews;
  private final Templates templates;
  private final Clock clock;

  FeedPages(Operations operations, Previews previews, Templates templates, Clock clock) {
    this.operations = operations;
    this.previews = previews;
    this.templates = templates;
    this.clock = clock;
  }

  /** {@code GET /feeds}: what {@code paperboy feeds} prints. */
  void feeds(Context ctx) {
    templates.render(
        ctx,
        200,
        "feeds.jte",
        new FeedsPage(
            Guard.viewer(ctx), clock.instant(), operations.feeds(), operations.needingALook()));
  }

  /** {@code GET /feeds/{id}}: the feed's latest entries and what became of each. */
  void feed(Context ctx) {
    feed(ctx, false);
  }

  /**
   * {@code GET /feeds/{id}/preview}: the same, with what polling it would post now for each of its
   * accounts; fetched and judged as a poll would, and recorded nowhere.
   */
  void preview(Context ctx) {
    feed(ctx, true);
  }

  private void feed(Context ctx, boolean preview) {
    String id = ctx.pathParam("id");
    Optional<FeedStanding> feed =
        operations.feeds().stream().filter(f -> f.id().equals(id)).findFirst();
    if (feed.isEmpty()) {
      templates.render(
          ctx,
          404,
          "error.jte",
          new ErrorPage(Guard.viewer(ctx), 404, "No such feed", "there is no feed " + id));
      return;
    }
    Preview previewed = preview && feed.get().configured() ? previews.of(id) : null;
    templates.render(
        ctx,
        200,
        "feed.jte",
        new FeedPage(
            Guard.viewer(ctx),
            clock.instant(),
            feed.get(),
            operations.entries(id, ENTRIES),
            previewed));
  }

  /** {@code GET /history[?days=7]}: the posts made, with their links, and the X budgets. */
  void history(Context ctx) {
    int days = ctx.queryParamAsClass("days", Integer.class).getOrDefault(7);
    days = Math.max(1, Math.min(days, 366));
    Instant now = clock.instant();
    templates.render(
        ctx,
        200,
        "history.jte",
        new HistoryPage(
            Guard.viewer(ctx),
            now,
            days,
            operations.history(null, now.minus(Duration.ofDays(days))),
            operations.budgets()));
  }
}

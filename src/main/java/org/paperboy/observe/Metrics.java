package org.paperboy.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.paperboy.model.OutboxState;
import org.paperboy.pipeline.Events;

/**
 * Paperboy's metrics, in Prometheus's text format: polls and poll errors by feed, papers seen by
 * feed, posts sent and failed by account, the queue's depth by state, the posts needing a look and
 * X's remaining rate limit by account. Thread-safe.
 */
public final class Metrics implements Events {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicLong> rateLimits = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> budgets = new ConcurrentHashMap<>();
  private volatile Supplier<Map<String, BigDecimal>> spending = Map::of;

  /**
   * @param queueDepth the number of posts in each state, read at each scrape
   * @param needingALook the number of posts that may be on their platform with their retries spent,
   *     read at each scrape
   */
  public Metrics(Supplier<Map<OutboxState, Integer>> queueDepth, IntSupplier needingALook) {
    Gauge.builder("paperboy_posts_needing_a_look", needingALook::getAsInt)
        .description("posts whose outcome is unknown and whose retries are spent: look for them")
        .register(registry);
    for (OutboxState state : OutboxState.values()) {
      Gauge.builder("paperboy_queue_posts", () -> queueDepth.get().getOrDefault(state, 0))
          .description("posts in the outbox, by state")
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  @Override
  public void polled(String feedId, String error) {
    Counter.builder("paperboy_polls")
        .description("feed polls")
        .tag("feed", feedId)
        .register(registry)
        .increment();
    if (error != null) {
      Counter.builder("paperboy_poll_errors")
          .description("failed feed polls")
          .tag("feed", feedId)
          .register(registry)
          .increment();
    }
  }

  @Override
  public void papersSeen(String feedId, int count) {
    Counter.builder("paperboy_papers_seen")
        .description("entries never seen before")
        .tag("feed", feedId)
        .register(registry)
        .increment(count);
  }

  @Override
  public void posted(String accountId) {
    Counter.builder("paperboy_posts_sent")
        .description("posts made")
        .tag("account", accountId)
        .register(registry)
        .increment();
  }

  @Override
  public void postFailed(String accountId) {
    Counter.builder("paperboy_posts_failed")
        .description("posts given up")
        .tag("account", accountId)
        .register(registry)
        .increment();
  }

  /** X's {@code x-rate-limit-remaining} for an account, as last answered. */
  public void rateLimitRemaining(String accountId, long remaining) {
    rateLimits
        .computeIfAbsent(
            accountId,
            id -> {
              AtomicLong value = new AtomicLong();
              Gauge.builder("paperboy_x_rate_limit_remaining", value, AtomicLong::get)
                  .description("posts X still allows in its current window")
                  .tag("account", id)
                  .register(registry);
              return value;
            })
        .set(remaining);
  }

  /**
   * What each account with a budget has spent in its billing cycle, in dollars, asked at each
   * scrape.
   */
  public void spending(Supplier<Map<String, BigDecimal>> spending) {
    this.spending = spending;
  }

  /** Every metric in Prometheus's text exposition format. */
  public String scrape() {
    spending
        .get()
        .forEach((account, spent) -> spent(account).set(spent.movePointRight(4).longValue()));
    return registry.scrape();
  }

  /** The gauge of an account's spend, in ten-thousandths of a dollar, as the ledger keeps it. */
  private AtomicLong spent(String accountId) {
    return budgets.computeIfAbsent(
        accountId,
        id -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder("paperboy_budget_spent_dollars", value, v -> v.get() / 10_000.0)
              .description("what an account with a budget has spent in its billing cycle")
              .tag("account", id)
              .register(registry);
          return value;
        });
  }
}

package org.paperboy.config;

import java.time.Duration;
import java.util.Objects;
import org.paperboy.model.QuietHours;

/**
 * One account that posts.
 *
 * @param id the account's id in the config
 * @param platform where its posts go
 * @param settings what it needs to reach its platform
 * @param minSpacing the least time between two of its posts
 * @param maxPerDay at most this many posts in any 24 hours
 * @param quietHours when it never posts, or {@code null}
 * @param approval hold its posts until a maintainer approves them
 * @param retry how failed sends are retried
 * @param images whether its posts carry their papers' pictures (where their feeds have them)
 */
public record AccountConfig(
    String id,
    Platform platform,
    PlatformSettings settings,
    Duration minSpacing,
    int maxPerDay,
    QuietHours quietHours,
    boolean approval,
    Retry retry,
    boolean images) {

  /**
   * How failed sends are retried: waits doubling from {@code initialDelay} up to {@code maxDelay},
   * at most {@code maxAttempts} sends in all.
   */
  public record Retry(Duration initialDelay, Duration maxDelay, int maxAttempts) {
    public Retry {
      Objects.requireNonNull(initialDelay, "initialDelay");
      Objects.requireNonNull(maxDelay, "maxDelay");
    }
  }

  public AccountConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(minSpacing, "minSpacing");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(settings, "settings");
    if (minSpacing.isNegative()) {
      throw new IllegalArgumentException("min-spacing < 0: " + minSpacing);
    }
    if (maxPerDay < 1) {
      throw new IllegalArgumentException("max-per-day < 1: " + maxPerDay);
    }
  }
}

package org.paperboy.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromTheInitialDelayUpToTheCapWithJitterInTheUpperHalf() {
    Backoff highest = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), 5, () -> 0.999999);
    Backoff lowest = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), 5, () -> 0.0);

    assertThat(highest.delay(1)).isBetween(Duration.ofSeconds(59), Duration.ofMinutes(1));
    assertThat(highest.delay(3)).isBetween(Duration.ofSeconds(239), Duration.ofMinutes(4));
    assertThat(highest.delay(9)).isBetween(Duration.ofSeconds(599), Duration.ofMinutes(10));
    assertThat(lowest.delay(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(lowest.delay(9)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void allowsRetriesUntilMaxAttempts() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 3, () -> 0.5);

    assertThat(backoff.mayRetry(2)).isTrue();
    assertThat(backoff.mayRetry(3)).isFalse();
  }

  @Test
  void aDelayThatMayNotGrowAndASingleAttemptAreAllowed() {
    Backoff fixed = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 1, () -> 0.0);

    assertThat(fixed.delay(3)).isEqualTo(Duration.ofSeconds(30));
    assertThat(fixed.mayRetry(1)).as("one attempt, no retry").isFalse();
  }
}

package org.paperboy.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Requests to one host wait their turn; other hosts do not wait for them. */
class HostSpacingTest {

  private final HostSpacing spacing = new HostSpacing(Clock.systemUTC(), Duration.ofMillis(300));

  private static long millis(Runnable request) {
    long start = System.nanoTime();
    request.run();
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  @Test
  void aSecondRequestToOneHostWaitsForTheDelay() {
    assertThat(millis(() -> spacing.await(URI.create("https://journals.example/a"))))
        .isLessThan(150);

    assertThat(millis(() -> spacing.await(URI.create("https://JOURNALS.example/b.png"))))
        .as("the same host, whatever its case")
        .isBetween(200L, 1000L);
  }

  @Test
  void anotherHostGoesAtOnce() {
    spacing.await(URI.create("https://journals.example/a"));

    assertThat(millis(() -> spacing.await(URI.create("https://pictures.example/a.png"))))
        .isLessThan(150);
  }
}

package org.paperboy.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacingTest {

  private static final Instant NOON = Instant.parse("2026-11-21T12:00:00Z");
  private final Pacing pacing = new Pacing(Duration.ofMinutes(20), 3);

  @Test
  void anAccountThatHasNotPostedMayPostNow() {
    assertThat(pacing.nextAllowed(List.of(), NOON)).isEqualTo(NOON);
  }

  @Test
  void keepsMinSpacingAfterTheLastPost() {
    Instant last = NOON.minus(Duration.ofMinutes(5));

    assertThat(pacing.nextAllowed(List.of(last), NOON))
        .isEqualTo(last.plus(Duration.ofMinutes(20)));
  }

  @Test
  void waitsForTheOldestOfTheLastMaxPerDayToLeaveTheRollingDay() {
    List<Instant> recent =
        List.of(
            NOON.minus(Duration.ofHours(23)),
            NOON.minus(Duration.ofHours(10)),
            NOON.minus(Duration.ofHours(1)));

    assertThat(pacing.nextAllowed(recent, NOON)).isEqualTo(NOON.plus(Duration.ofHours(1)));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new Pacing(Duration.ofMinutes(-5), 3))
        .hasMessage("min-spacing < 0: PT-5M");
    assertThatThrownBy(() -> new Pacing(Duration.ZERO, 0)).hasMessage("max-per-day < 1: 0");
  }
}

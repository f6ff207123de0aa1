package org.paperboy.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.model.QuietHours;

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
  void anAccountAllowedOnePostADayWaitsADayFromItsLastPost() {
    Pacing daily = new Pacing(Duration.ZERO, 1);
    Instant last = NOON.minus(Duration.ofHours(3));

    assertThat(daily.nextAllowed(List.of(last), NOON)).isEqualTo(last.plus(Duration.ofDays(1)));
  }

  @Test
  void thePostTimesThatCountAreThoseOfTheLastDay() {
    assertThat(Pacing.windowStart(NOON)).isEqualTo(NOON.minus(Duration.ofHours(24)));
  }

  @Test
  void movesAPostDueInQuietHoursToTheirEndInTheAccountsTimezone() {
    QuietHours nights =
        new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/London"));
    Pacing quiet = new Pacing(Duration.ofMinutes(20), 30, nights);

    assertThat(quiet.nextAllowed(List.of(), Instant.parse("2026-11-21T21:59:00Z")))
        .isEqualTo(Instant.parse("2026-11-21T21:59:00Z"));
    assertThat(quiet.nextAllowed(List.of(), Instant.parse("2026-11-21T23:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-22T07:00:00Z"));
    assertThat(quiet.nextAllowed(List.of(), Instant.parse("2026-11-22T03:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-22T07:00:00Z"));
    // In June London is an hour ahead of UTC: 07:00 there is 06:00Z.
    assertThat(quiet.nextAllowed(List.of(), Instant.parse("2026-06-10T23:00:00Z")))
        .isEqualTo(Instant.parse("2026-06-11T06:00:00Z"));
  }

  @Test
  void quietHoursWithinOneDayWork() {
    QuietHours lunch = QuietHours.parse("12:00-13:30", ZoneId.of("UTC"));

    assertThat(lunch.nextOpen(Instant.parse("2026-11-21T12:10:00Z")))
        .isEqualTo(Instant.parse("2026-11-21T13:30:00Z"));
    assertThat(lunch.nextOpen(Instant.parse("2026-11-21T13:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-21T13:30:00Z"));
  }

  @Test
  void queuedPostsTakeTurnsAtMinSpacingUntilTheDayIsFull() {
    List<Instant> recent = List.of(NOON.minus(Duration.ofMinutes(5)));

    assertThat(pacing.turns(recent, 4, NOON))
        .containsExactly(
            NOON.plus(Duration.ofMinutes(15)),
            NOON.plus(Duration.ofMinutes(35)),
            // The day allows three: the fourth waits for the first of them to leave it.
            NOON.minus(Duration.ofMinutes(5)).plus(Duration.ofHours(24)),
            NOON.plus(Duration.ofMinutes(15)).plus(Duration.ofHours(24)));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new Pacing(Duration.ofMinutes(-5), 3))
        .hasMessage("min-spacing < 0: PT-5M");
    assertThatThrownBy(() -> new Pacing(Duration.ZERO, 0)).hasMessage("max-per-day < 1: 0");
  }
}

package org.paperboy.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.paperboy.model.AccountPause;
import org.paperboy.model.OutboxState;
import org.paperboy.model.SendFailure;

/** The README's promises table, row by row: what follows each way a send or a lookup ends. */
class SettlementTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

  // Three attempts; the jitter at its top, so a first retry waits a minute less 30 ms.
  private final Settlement settlement =
      new Settlement(
          new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 3, () -> 0.999),
          FIFTEEN_MINUTES,
          Duration.ofMinutes(30));

  @Test
  void aRateLimitPausesTheAccountUntilThePlatformsReset() {
    Instant reset = NOW.plusSeconds(240);

    assertThat(settlement.afterSend(SendFailure.RATE_LIMITED, 1, NOW, reset))
        .isEqualTo(new Settlement.PauseAccount(AccountPause.Kind.RATE_LIMITED, reset));
  }

  @Test
  void aRateLimitWithoutAResetOrWithOneInThePastPausesForTheConfiguredWhile() {
    Settlement.Step expected =
        new Settlement.PauseAccount(AccountPause.Kind.RATE_LIMITED, NOW.plus(FIFTEEN_MINUTES));

    assertThat(settlement.afterSend(SendFailure.RATE_LIMITED, 1, NOW, null)).isEqualTo(expected);
    assertThat(settlement.afterSend(SendFailure.RATE_LIMITED, 1, NOW, NOW.minusSeconds(5)))
        .isEqualTo(expected);
  }

  @Test
  void aServerErrorOrARefusedConnectionIsRetriedWithBackoffThenFailed() {
    assertThat(settlement.afterSend(SendFailure.TRANSIENT, 1, NOW, null))
        .isEqualTo(new Settlement.Retry(OutboxState.RETRYING, NOW.plusMillis(59_970)));
    assertThat(settlement.afterSend(SendFailure.TRANSIENT, 2, NOW, null))
        .isEqualTo(new Settlement.Retry(OutboxState.RETRYING, NOW.plusMillis(119_940)));
    assertThat(settlement.afterSend(SendFailure.TRANSIENT, 3, NOW, null))
        .isEqualTo(new Settlement.Fail());
  }

  @Test
  void noAnswerLeavesThePostUnknownToBeLookedUpAndNeverFailsIt() {
    assertThat(settlement.afterSend(SendFailure.NO_ANSWER, 1, NOW, null))
        .isEqualTo(new Settlement.Retry(OutboxState.UNKNOWN, NOW.plusMillis(59_970)));
    assertThat(settlement.afterSend(SendFailure.NO_ANSWER, 3, NOW, null))
        .as("its retries spent, it waits for a maintainer, still unknown")
        .isEqualTo(new Settlement.AwaitMaintainer());
  }

  @Test
  void refusedCredentialsPauseTheAccountAndAreTriedAgainLater() {
    Settlement.Step expected =
        new Settlement.PauseAccount(
            AccountPause.Kind.UNAUTHORIZED, NOW.plus(Duration.ofMinutes(30)));

    assertThat(settlement.afterSend(SendFailure.UNAUTHORIZED, 1, NOW, null)).isEqualTo(expected);
    assertThat(settlement.afterFailedLookup(SendFailure.UNAUTHORIZED, 1, NOW, null))
        .isEqualTo(expected);
  }

  @Test
  void aDuplicateAnswerMeansThePostExistsThoughItsIdIsUnknown() {
    assertThat(settlement.afterSend(SendFailure.DUPLICATE, 2, NOW, null))
        .isEqualTo(new Settlement.Posted(null));
  }

  @Test
  void aRefusalForGoodFailsThePostAtOnce() {
    assertThat(settlement.afterSend(SendFailure.REJECTED, 1, NOW, null))
        .isEqualTo(new Settlement.Fail());
  }

  @Test
  void aPostFoundOnThePlatformIsPostedAndOneNotFoundIsSentAgain() {
    assertThat(settlement.afterLookup("1801")).isEqualTo(new Settlement.Posted("1801"));
    assertThat(settlement.afterLookup(null)).isEqualTo(new Settlement.SendAgain());
  }

  @Test
  void aLookupThatFailsIsNotAGuessThePostStaysUnknown() {
    for (SendFailure failure :
        new SendFailure[] {SendFailure.TRANSIENT, SendFailure.NO_ANSWER, SendFailure.REJECTED}) {
      assertThat(settlement.afterFailedLookup(failure, 1, NOW, null))
          .isEqualTo(new Settlement.Retry(OutboxState.UNKNOWN, NOW.plusMillis(59_970)));
      assertThat(settlement.afterFailedLookup(failure, 3, NOW, null))
          .isEqualTo(new Settlement.AwaitMaintainer());
    }
  }

  @Test
  void aRateLimitedLookupPausesTheAccount() {
    Instant reset = NOW.plusSeconds(90);

    assertThat(settlement.afterFailedLookup(SendFailure.RATE_LIMITED, 1, NOW, reset))
        .isEqualTo(new Settlement.PauseAccount(AccountPause.Kind.RATE_LIMITED, reset));
  }
}

package org.paperboy.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.paperboy.model.AccountPause;
import org.paperboy.model.OutboxState;
import org.paperboy.model.SendFailure;

/**
 * What happens to a post after Paperboy tried to send it or looked it up: the outbox's promises
 * (the README's table) as one pure function. A post whose send got no answer is {@link
 * OutboxState#UNKNOWN}: it is looked up (or repeated with its key, where the platform answers that
 * with the post it made) before it is sent again, never rewritten, and it is never given up as
 * failed, since it may exist. Immutable.
 *
 * @param backoff how long a failure waits, and how many attempts a post gets
 * @param rateLimitPause how long an account pauses after a 429 that gave no reset
 * @param unauthorizedPause how long an account with refused credentials waits before trying again
 */
public record Settlement(Backoff backoff, Duration rateLimitPause, Duration unauthorizedPause) {

  public Settlement {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(rateLimitPause, "rateLimitPause");
    Objects.requireNonNull(unauthorizedPause, "unauthorizedPause");
  }

  /** What to do with a post next. */
  public sealed interface Step {}

  /** The post exists: record it as posted ({@code remoteId} may be null when not returned). */
  public record Posted(String remoteId) implements Step {}

  /** The post is not on the account: send the same text again, now. */
  public record SendAgain() implements Step {}

  /** Try again at {@code at}, in {@code state}: retrying (not sent) or unknown (look first). */
  public record Retry(OutboxState state, Instant at) implements Step {}

  /**
   * The post may exist and the retry budget is spent: it stays unknown, waiting for a maintainer
   * ({@code queue retry} looks again and resends).
   */
  public record AwaitMaintainer() implements Step {}

  /** Given up: the platform refused it for good. */
  public record Fail() implements Step {}

  /** The whole account waits until {@code until}; the post goes back to the queue untried. */
  public record PauseAccount(AccountPause.Kind kind, Instant until) implements Step {}

  /**
   * The step after a send failed.
   *
   * @param attempts the attempts made so far, this one included
   * @param platformReset when the platform said requests may resume, or {@code null}
   */
  public Step afterSend(SendFailure failure, int attempts, Instant now, Instant platformReset) {
    return switch (failure) {
      // The text is already on the account: a second line of defence, never the first.
      case DUPLICATE -> new Posted(null);
      case RATE_LIMITED ->
          new PauseAccount(AccountPause.Kind.RATE_LIMITED, reset(platformReset, now));
      case UNAUTHORIZED ->
          new PauseAccount(AccountPause.Kind.UNAUTHORIZED, now.plus(unauthorizedPause));
      case REJECTED -> new Fail();
      case TRANSIENT ->
          backoff.mayRetry(attempts)
              ? new Retry(OutboxState.RETRYING, now.plus(backoff.delay(attempts)))
              : new Fail();
      case NO_ANSWER -> unknown(attempts, now);
    };
  }

  /**
   * The step after looking the post up on the platform.
   *
   * @param found the post's id when the platform holds it, else {@code null}
   */
  public Step afterLookup(String found) {
    return found != null ? new Posted(found) : new SendAgain();
  }

  /**
   * The step after the platform could not be asked whether it holds the post: the answer is still
   * unknown, so the post stays so.
   *
   * @param attempts the attempts made so far, this one included
   * @param platformReset when the platform said requests may resume, or {@code null}
   */
  public Step afterFailedLookup(
      SendFailure failure, int attempts, Instant now, Instant platformReset) {
    return switch (failure) {
      case RATE_LIMITED ->
          new PauseAccount(AccountPause.Kind.RATE_LIMITED, reset(platformReset, now));
      case UNAUTHORIZED ->
          new PauseAccount(AccountPause.Kind.UNAUTHORIZED, now.plus(unauthorizedPause));
      default -> unknown(attempts, now);
    };
  }

  private Step unknown(int attempts, Instant now) {
    return backoff.mayRetry(attempts)
        ? new Retry(OutboxState.UNKNOWN, now.plus(backoff.delay(attempts)))
        : new AwaitMaintainer();
  }

  private Instant reset(Instant platformReset, Instant now) {
    return platformReset != null && platformReset.isAfter(now)
        ? platformReset
        : now.plus(rateLimitPause);
  }
}

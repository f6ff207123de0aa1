package org.paperboy.pipeline;

import java.time.Instant;

/**
 * What one dispatch of an account did.
 *
 * @param accountId the account
 * @param posted posts made (or confirmed as already made)
 * @param failed posts given up
 * @param retrying posts put back to be tried again later
 * @param nextAllowed when the account may post next (pacing, a pause's end), or {@code null} when
 *     nothing held it back
 * @param problem why the account stopped posting this round (refused credentials, a platform
 *     error), or {@code null}
 * @param nextWake the earliest moment something becomes due (pacing's next slot, a pause's end, a
 *     retry's time), for the scheduler to wake the account then; {@code null} when nothing waits
 */
public record DispatchReport(
    String accountId,
    int posted,
    int failed,
    int retrying,
    Instant nextAllowed,
    String problem,
    Instant nextWake) {

  /** This report, with the account to be woken at {@code wake}. */
  DispatchReport wakingAt(Instant wake) {
    return new DispatchReport(accountId, posted, failed, retrying, nextAllowed, problem, wake);
  }
}

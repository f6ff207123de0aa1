package org.paperboy.pipeline;

import java.time.Instant;

/**
 * What one dispatch of an account did.
 *
 * @param accountId the account
 * @param posted posts made (or confirmed as already made)
 * @param failed posts given up
 * @param retrying posts put back to be tried again later
 * @param nextAllowed when pacing allows the next post, or {@code null} when the queue ran dry
 * @param problem why the account stopped posting this round (refused credentials, a platform
 *     error), or {@code null}
 */
public record DispatchReport(
    String accountId, int posted, int failed, int retrying, Instant nextAllowed, String problem) {}

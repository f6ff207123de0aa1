package org.paperboy.model;

import java.util.Locale;
import java.util.Set;

/** Where a queued post stands. Every change of state is one transaction. */
public enum OutboxState {
  /** Waiting for its turn under the account's pacing. */
  QUEUED,
  /** Held until a maintainer approves it (accounts with {@code approval = true}). */
  AWAITING_APPROVAL,
  /** Claimed and handed to the platform; if the process dies now the outcome is unknown. */
  SENDING,
  /** The platform accepted it. */
  POSTED,
  /** A transient failure; tried again at its next time. */
  RETRYING,
  /** Given up, with the reason kept. */
  FAILED,
  /**
   * Handed to the platform, and no answer came: it may exist. It is looked up on the platform
   * before it is sent again, and never rewritten or edited. With no next time it waits for a
   * maintainer, its retries spent.
   */
  UNKNOWN;

  /**
   * The states of a post that has not reached the platform and is not on its way: its text may
   * still be rewritten or edited, and a maintainer may drop it.
   */
  public static final Set<OutboxState> NOT_YET_SENT = Set.of(QUEUED, AWAITING_APPROVAL, RETRYING);

  /** The state as maintainers write it: {@code awaiting-approval}. */
  public String written() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

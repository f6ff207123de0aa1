package org.paperboy.model;

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
  FAILED
}

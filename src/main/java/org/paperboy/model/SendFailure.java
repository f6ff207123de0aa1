package org.paperboy.model;

/**
 * How handing a post to a platform, or asking the platform about one, went wrong: what the queue's
 * rules decide the next step from.
 */
public enum SendFailure {
  /** The platform says this text is already on the account: the post exists. */
  DUPLICATE,
  /** Too many requests: the whole account waits for the platform's reset. */
  RATE_LIMITED,
  /** The credentials were refused: nothing will post until they are fixed. */
  UNAUTHORIZED,
  /** The platform refused this post for good (its message says why). */
  REJECTED,
  /**
   * The request never reached the platform, or it answered that it failed (a 5xx): the post does
   * not exist, and may be sent again later.
   */
  TRANSIENT,
  /**
   * The request went out and no answer came (a timeout after sending, a connection reset, a process
   * killed mid-send): the post may exist, and is looked up before it is sent again.
   */
  NO_ANSWER
}

package org.paperboy.pipeline;

/**
 * What the pipeline reports as it works, for metrics. Implementations are thread-safe and quick.
 */
public interface Events {

  /** Reports nothing. */
  Events NONE = new Events() {};

  /** A feed was polled; {@code error} is null when the poll worked. */
  default void polled(String feedId, String error) {}

  /** A feed showed {@code count} entries never seen before. */
  default void papersSeen(String feedId, int count) {}

  /** An account made a post. */
  default void posted(String accountId) {}

  /** A post of an account failed for good. */
  default void postFailed(String accountId) {}
}

package org.paperboy.publish;

import java.util.Objects;

/**
 * One post to send.
 *
 * @param key this post's own key, the same on every attempt and after a restart: a platform that
 *     takes an idempotency key is given it
 * @param accountId the account it is sent from
 * @param feedId the feed whose paper it announces
 * @param text the exact text
 * @param inReplyTo the platform id of the post it replies to, or {@code null}
 */
public record Message(String key, String accountId, String feedId, String text, String inReplyTo) {

  public Message {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(feedId, "feedId");
    Objects.requireNonNull(text, "text");
  }
}

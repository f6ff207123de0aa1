package org.paperboy.publish;

import java.time.Instant;
import java.util.Objects;
import org.paperboy.model.Picture;
import org.paperboy.model.Subject;

/**
 * One post to send.
 *
 * @param key this post's own key, chosen when it was queued and the same on every attempt and after
 *     a restart: Bluesky's record key, Mastodon's idempotency key
 * @param createdAt when it was queued, which a platform that records it (Bluesky) is told, the same
 *     on every attempt
 * @param accountId the account it is sent from
 * @param feedId the feed whose paper it announces
 * @param text the exact text
 * @param inReplyTo the platform id of the post it replies to (its {@code PostRef.id}), or {@code
 *     null}
 * @param subject what it is about: for a link card, and to find it again
 * @param picture the picture it carries, already within the platform's {@link
 *     Publisher#pictureRules()}, or {@code null}; the same on every attempt
 */
public record Message(
    String key,
    Instant createdAt,
    String accountId,
    String feedId,
    String text,
    String inReplyTo,
    Subject subject,
    Picture picture) {

  public Message {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(feedId, "feedId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(subject, "subject");
  }
}

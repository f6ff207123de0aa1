package org.paperboy.store;

import java.time.Instant;
import java.util.Objects;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.Subject;
import org.paperboy.model.Tid;

/**
 * A post claimed for sending, now marked sending.
 *
 * @param item the post
 * @param outcomeUnknown it was handed to the platform before and no answer came (it was unknown, or
 *     a process died while sending it): it must be looked up (or repeated with its key, where the
 *     platform answers that with the post it made) before it is sent again
 * @param firstSentAt when it was first claimed for sending, at or before its first send (now, for a
 *     first attempt): a platform's memory of its key is measured from no earlier
 * @param postKey its own key, chosen when it was queued
 * @param subject what it is about
 * @param pictureId the picture it carries, or {@code null}
 */
public record Claim(
    OutboxItem item,
    boolean outcomeUnknown,
    Instant firstSentAt,
    Tid postKey,
    Subject subject,
    Long pictureId) {

  public Claim {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(firstSentAt, "firstSentAt");
    Objects.requireNonNull(postKey, "postKey");
    Objects.requireNonNull(subject, "subject");
  }
}

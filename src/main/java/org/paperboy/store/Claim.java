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
 *     a process died while sending it): it must be looked up before it is sent again
 * @param firstSentAt when it was first handed to the platform; now, for a first attempt
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

package org.paperboy.store;

import java.time.Instant;
import java.util.Objects;
import org.paperboy.model.OutboxItem;

/**
 * A post claimed for sending, now marked sending.
 *
 * @param item the post
 * @param outcomeUnknown it was handed to the platform before and no answer came (it was unknown, or
 *     a process died while sending it): it must be looked up before it is sent again
 * @param firstSentAt when it was first handed to the platform; now, for a first attempt
 */
public record Claim(OutboxItem item, boolean outcomeUnknown, Instant firstSentAt) {

  public Claim {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(firstSentAt, "firstSentAt");
  }
}

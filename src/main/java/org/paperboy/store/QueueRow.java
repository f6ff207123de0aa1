package org.paperboy.store;

import java.util.Objects;
import org.paperboy.model.OutboxItem;

/**
 * A post in the outbox as maintainers list it.
 *
 * @param item the post
 * @param title its paper's title
 * @param editedBy who edited its text, or {@code null} when it is as composed
 * @param partPosted true when a part of it (a thread's first post) is already posted
 */
public record QueueRow(OutboxItem item, String title, String editedBy, boolean partPosted) {

  public QueueRow {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(title, "title");
  }
}

package org.paperboy.publish;

import org.paperboy.model.OutboxItem;

/** Sends a post to one account on one platform. Implementations are thread-safe. */
public interface Publisher {

  /**
   * Posts {@code item}'s text.
   *
   * @return the platform's id for the new post
   * @throws PublishException saying how it failed and so what the caller may do next
   */
  String publish(OutboxItem item) throws PublishException;
}

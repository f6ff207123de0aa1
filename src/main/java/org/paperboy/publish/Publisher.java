package org.paperboy.publish;

/** Sends a post to one account on one platform. Implementations are thread-safe. */
public interface Publisher {

  /**
   * Posts {@code message}.
   *
   * @return the platform's id for the new post
   * @throws PublishException saying how it failed and so what the caller may do next
   */
  String publish(Message message) throws PublishException;
}

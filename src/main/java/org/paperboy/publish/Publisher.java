package org.paperboy.publish;

import java.time.Instant;
import java.util.Optional;
import org.paperboy.model.PictureRules;
import org.paperboy.model.PostRef;

/**
 * Posts to one account on one platform, and looks its posts up. Exactly once is Paperboy's, not the
 * platform's: a send whose answer never came is looked up with {@link #find} before it is sent
 * again, unless the platform is known to answer that very send with the post it made ({@link
 * #answersRepeats}). Implementations are thread-safe.
 */
public interface Publisher {

  /**
   * Posts {@code message}.
   *
   * @return the new post
   * @throws PublishException saying how it failed and so what the caller may do next
   */
  PostRef publish(Message message) throws PublishException;

  /**
   * Looks for {@code message} among the account's own posts made since {@code since}, as the
   * platform keeps them (which may differ from the bytes sent: links wrapped, text normalised).
   *
   * @return the post when it is there, empty when it is not
   * @throws PublishException when the platform could not be asked: the answer is still unknown
   */
  Optional<PostRef> find(Message message, Instant since) throws PublishException;

  /**
   * Whether a send first made at {@code firstSent}, whose answer never came, may be made again now
   * with the same key instead of being looked up: true only where the platform keeps the key and
   * answers a repeat with the post the first send made (Mastodon's {@code Idempotency-Key}, for an
   * hour), so that the repeat is itself the look. False by default.
   */
  default boolean answersRepeats(Instant firstSent, Instant now) {
    return false;
  }

  /**
   * What the platform takes as a post's picture: a {@link Message#picture()} is made to fit these
   * before it is handed over.
   */
  PictureRules pictureRules();
}

package org.paperboy.platform.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.paperboy.model.Subject;
import org.paperboy.publish.Message;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;

/** Publishers on a test's instance, wired as the composition root wires them, and their probe. */
final class MastodonPublishers {

  private MastodonPublishers() {}

  /** The account with {@code token} on the instance at {@code base}, posting as it says. */
  static MastodonPublisher on(
      URI base, String token, String visibility, String language, Duration timeout) {
    return new MastodonPublisher(
        base,
        new MastodonInstance(
            base, new PlatformHttp("the instance", Duration.ofSeconds(5)), Clock.systemUTC()),
        token,
        visibility,
        language,
        new PlatformHttp("account lab on mastodon", timeout));
  }

  /**
   * Whether the instance takes {@code text} as a post from {@code publisher}, sent with the
   * idempotency key {@code key}; a refusal must be for its length.
   */
  static boolean accepts(MastodonPublisher publisher, String key, Instant at, String text) {
    try {
      publisher.publish(
          new Message(key, at, "lab", "f", text, null, new Subject("", "", ""), null));
      return true;
    } catch (PublishException e) {
      assertThat(e).hasMessageContaining("character limit");
      return false;
    }
  }
}

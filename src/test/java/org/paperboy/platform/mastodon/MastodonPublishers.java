package org.paperboy.platform.mastodon;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.paperboy.publish.PlatformHttp;

/** Publishers on a test's instance, wired as the composition root wires them. */
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
}

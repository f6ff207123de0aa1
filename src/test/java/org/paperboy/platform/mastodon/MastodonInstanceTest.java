package org.paperboy.platform.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.FakeMastodon;
import org.paperboy.testing.MutableClock;

/** An instance's limits come from its own {@code GET /api/v2/instance}, read at start and daily. */
class MastodonInstanceTest {

  private static final String INSTANCE = "GET /api/v2/instance";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  private FakeMastodon mastodon;

  @BeforeEach
  void start() throws Exception {
    mastodon = new FakeMastodon("token", clock);
  }

  @AfterEach
  void stop() {
    mastodon.close();
  }

  private MastodonInstance instance(URI url) {
    return new MastodonInstance(
        url, new PlatformHttp("account lab on mastodon", Duration.ofSeconds(2)), clock);
  }

  @Test
  void readsTheLongestPostAndWhatALinkCountsFromTheInstance() {
    mastodon.maxCharacters(1000);
    mastodon.charactersReservedPerUrl(40);
    mastodon.descriptionLimit(4000);

    MastodonInstance.Limits limits = instance(mastodon.baseUrl()).limits();

    assertThat(limits.maxCharacters()).isEqualTo(1000);
    assertThat(limits.urlLength()).isEqualTo(40);
    assertThat(limits.descriptionLimit()).isEqualTo(4000);
    assertThat(limits.imageSizeLimit()).isEqualTo(16L * 1024 * 1024);
    assertThat(limits.mimeTypes()).contains("image/png", "image/jpeg");
  }

  @Test
  void readsThemOnceAtStartAndAgainADayLater() {
    MastodonInstance instance = instance(URI.create(mastodon.baseUrl() + "/"));
    assertThat(instance.limits().maxCharacters()).isEqualTo(500);
    mastodon.maxCharacters(1000);
    mastodon.charactersReservedPerUrl(30);

    clock.advance(Duration.ofHours(23));
    MastodonInstance.Limits sameDay = instance.limits();
    clock.advance(Duration.ofHours(1));
    MastodonInstance.Limits nextDay = instance.limits();

    assertThat(sameDay.maxCharacters()).isEqualTo(500);
    assertThat(nextDay.maxCharacters()).isEqualTo(1000);
    assertThat(nextDay.urlLength()).isEqualTo(30);
    assertThat(mastodon.requests(INSTANCE)).isEqualTo(2);
  }

  @Test
  void anInstanceThatCannotBeReadGetsMastodonsDefaultsWithOneLogLine() throws Exception {
    mastodon.maxCharacters(1000);
    mastodon.failInstance(true);
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    String logs;
    MastodonInstance.Limits failing;
    MastodonInstance.Limits unreachable;
    try (CapturedLogs captured = CapturedLogs.start()) {
      failing = instance(mastodon.baseUrl()).limits();
      unreachable = instance(URI.create("http://127.0.0.1:" + closed)).limits();
      logs = captured.text();
    }

    assertThat(failing).isEqualTo(MastodonInstance.DEFAULTS);
    assertThat(unreachable).isEqualTo(MastodonInstance.DEFAULTS);
    assertThat(MastodonInstance.DEFAULTS.maxCharacters()).isEqualTo(500);
    assertThat(MastodonInstance.DEFAULTS.urlLength()).isEqualTo(23);
    assertThat(logs.lines().filter(line -> line.startsWith("WARN")).toList())
        .hasSize(2)
        .first()
        .asString()
        .contains("account lab on mastodon", "/api/v2/instance answered 500", "maxCharacters=500");
  }

  @Test
  void anInstanceThatCouldNotBeReadIsAskedAgainWithinTheHourNotTheNextDay() {
    // An instance of 300 read as the default 500 would refuse every longer post for good.
    mastodon.maxCharacters(300);
    mastodon.failInstance(true);
    MastodonInstance instance = instance(mastodon.baseUrl());
    assertThat(instance.limits().maxCharacters()).isEqualTo(500);
    mastodon.failInstance(false);

    clock.advance(Duration.ofMinutes(10));
    int stillDefault = instance.limits().maxCharacters();
    clock.advance(Duration.ofMinutes(5));
    int read = instance.limits().maxCharacters();

    assertThat(stillDefault).isEqualTo(500);
    assertThat(read).isEqualTo(300);
    assertThat(mastodon.requests(INSTANCE)).isEqualTo(2);
  }

  @Test
  void aLaterReadThatFailsKeepsWhatWasReadLast() {
    mastodon.maxCharacters(1000);
    MastodonInstance instance = instance(mastodon.baseUrl());
    instance.limits();
    mastodon.failInstance(true);

    clock.advance(Duration.ofDays(2));

    assertThat(instance.limits().maxCharacters()).isEqualTo(1000);
    assertThat(mastodon.requests(INSTANCE)).isEqualTo(2);
  }
}

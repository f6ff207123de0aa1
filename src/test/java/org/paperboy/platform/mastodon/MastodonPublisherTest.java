package org.paperboy.platform.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.model.AccountPause;
import org.paperboy.model.PostRef;
import org.paperboy.model.SendFailure;
import org.paperboy.model.Subject;
import org.paperboy.publish.Message;
import org.paperboy.publish.PublishException;
import org.paperboy.queue.Backoff;
import org.paperboy.queue.Settlement;
import org.paperboy.testing.FakeMastodon;
import org.paperboy.testing.MutableClock;
import org.paperboy.testing.ScriptedAnswer;

/** How a post goes to Mastodon, and how each way it can fail reads: against a fake Mastodon 4.4. */
class MastodonPublisherTest {

  private static final String TOKEN = "lab-mastodon-token-0453";
  private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
  private static final String TEXT = "Early care in sepsis\nMortality fell. https://doi.org/10.1/x";

  private final MutableClock clock = new MutableClock(START);
  private FakeMastodon mastodon;

  @BeforeEach
  void start() throws Exception {
    mastodon = new FakeMastodon(TOKEN, clock);
  }

  @AfterEach
  void stop() {
    mastodon.close();
  }

  private MastodonPublisher publisher(String token, String language) {
    return MastodonPublishers.on(
        mastodon.baseUrl(), token, "unlisted", language, Duration.ofSeconds(5));
  }

  private MastodonPublisher publisher() {
    return publisher(TOKEN, "en");
  }

  static Message message(String key, String text, String inReplyTo) {
    return new Message(
        key,
        START,
        "lab",
        "nejm",
        text,
        inReplyTo,
        new Subject("Early care in sepsis", "https://doi.org/10.1/x", "Mortality fell."),
        null);
  }

  private static PublishException failure(ThrowingSend send) {
    try {
      send.run();
    } catch (PublishException e) {
      return e;
    }
    throw new AssertionError("the send did not fail");
  }

  private interface ThrowingSend {
    void run() throws PublishException;
  }

  @Test
  void postsTheTextWithItsVisibilityLanguageAndTheQueueItemsKey() throws Exception {
    PostRef post = publisher().publish(message("3lbq2y7wpss2a", TEXT, null));

    assertThat(mastodon.statuses())
        .containsExactly(
            new FakeMastodon.Status(
                post.id(), TEXT, "unlisted", "en", null, List.of(), "3lbq2y7wpss2a", START));
    assertThat(post.url()).isEqualTo("https://social.example/@paperboy/" + post.id());
  }

  @Test
  void withoutALanguageTheInstanceChoosesOne() throws Exception {
    publisher(TOKEN, null).publish(message("k1", TEXT, null));

    assertThat(mastodon.statuses())
        .extracting(FakeMastodon.Status::language)
        .containsExactly((String) null);
  }

  @Test
  void aReplyNamesThePostItAnswers() throws Exception {
    MastodonPublisher publisher = publisher();
    String first = publisher.publish(message("k1", TEXT, null)).id();

    String reply = publisher.publish(message("k2", "The summary.", first)).id();

    assertThat(mastodon.statuses())
        .last()
        .extracting(FakeMastodon.Status::id, FakeMastodon.Status::inReplyToId)
        .containsExactly(reply, first);
  }

  @Test
  void aRetryAndARestartSendTheSameKeyAndWithinTheHourGetTheStatusAlreadyMade() throws Exception {
    mastodon.dropAnswerEvery(1);
    Message message = message("3lbq2y7wpss2a", TEXT, null);

    PublishException dropped = failure(() -> publisher().publish(message));
    clock.advance(Duration.ofMinutes(10));
    PostRef retried = publisher().publish(message);
    clock.advance(Duration.ofMinutes(40));
    PostRef afterRestart = publisher().publish(message);

    assertThat(dropped.failure()).isEqualTo(SendFailure.NO_ANSWER);
    assertThat(mastodon.requests("POST /api/v1/statuses")).isEqualTo(3);
    assertThat(mastodon.statuses())
        .singleElement()
        .satisfies(
            status -> {
              assertThat(status.id()).isEqualTo(retried.id()).isEqualTo(afterRestart.id());
              assertThat(status.idempotencyKey()).isEqualTo("3lbq2y7wpss2a");
            });
  }

  @Test
  void anHourOnTheInstanceHasForgottenTheKeySoAResendWouldPostTwice() throws Exception {
    // Why a post whose answer never came is looked up rather than resent (MastodonLookupTest).
    Message message = message("k1", TEXT, null);
    publisher().publish(message);
    clock.advance(Duration.ofMinutes(61));

    publisher().publish(message);

    assertThat(mastodon.statuses()).hasSize(2);
  }

  @Test
  void aRevokedOrWrongTokenIsUnauthorizedAsOnXWithMastodonsWordsAndNoSecret() {
    PublishException wrong =
        failure(() -> publisher("not-the-token", "en").publish(message("k1", TEXT, null)));
    mastodon.revokeToken();
    PublishException revoked = failure(() -> publisher().publish(message("k2", TEXT, null)));

    assertThat(wrong.failure()).isEqualTo(SendFailure.UNAUTHORIZED);
    assertThat(wrong.getMessage())
        .startsWith("account lab on mastodon: Mastodon answered 401: The access token is invalid")
        .doesNotContain("not-the-token");
    assertThat(revoked.failure()).isEqualTo(SendFailure.UNAUTHORIZED);
    assertThat(revoked.getMessage()).contains("The access token was revoked").doesNotContain(TOKEN);
    assertThat(settlement().afterSend(revoked.failure(), 1, START, null))
        .isEqualTo(
            new Settlement.PauseAccount(
                AccountPause.Kind.UNAUTHORIZED, START.plus(Duration.ofMinutes(15))));
    assertThat(mastodon.statuses()).isEmpty();
  }

  @Test
  void aRefusedPostFailsWithMastodonsOwnMessage() {
    PublishException tooLong =
        failure(() -> publisher().publish(message("k1", "a".repeat(501), null)));

    assertThat(tooLong.failure()).isEqualTo(SendFailure.REJECTED);
    assertThat(tooLong)
        .hasMessage(
            "account lab on mastodon: Mastodon answered 422:"
                + " Validation failed: Text character limit of 500 exceeded");
    assertThat(settlement().afterSend(tooLong.failure(), 1, START, null))
        .isEqualTo(new Settlement.Fail());
  }

  @Test
  void aRateLimitPausesTheAccountUntilTheIsoTimestampMastodonGives() throws Exception {
    // Rack::Attack's answer: the reset as Time#iso8601(6), which is no number of epoch seconds.
    mastodon.rateLimitEvery(1, Duration.ofMinutes(5));
    MastodonPublisher publisher = publisher();
    publisher.publish(message("k1", TEXT, null));

    PublishException limited = failure(() -> publisher.publish(message("k2", TEXT, null)));

    Instant reset = Instant.parse("2026-06-01T12:05:01Z");
    assertThat(limited.failure()).isEqualTo(SendFailure.RATE_LIMITED);
    assertThat(limited.retryAt()).isEqualTo(reset);
    assertThat(settlement().afterSend(limited.failure(), 1, START, limited.retryAt()))
        .isEqualTo(new Settlement.PauseAccount(AccountPause.Kind.RATE_LIMITED, reset));
  }

  @Test
  void aResetWithAnOffsetIsReadAndOneThatIsNoTimestampIsLeftToTheDefaultPause() {
    mastodon.thenAnswer(
        ScriptedAnswer.of(
            429,
            "{\"error\":\"Too many requests\"}",
            Map.of("X-RateLimit-Reset", "2026-06-01T14:05:00.000000+02:00")));
    mastodon.thenAnswer(
        ScriptedAnswer.of(
            429, "{\"error\":\"Too many requests\"}", Map.of("X-RateLimit-Reset", "1780315500")));

    PublishException offset = failure(() -> publisher().publish(message("k1", TEXT, null)));
    PublishException epoch = failure(() -> publisher().publish(message("k1", TEXT, null)));

    assertThat(offset.retryAt()).isEqualTo(Instant.parse("2026-06-01T12:05:00Z"));
    assertThat(epoch.failure()).isEqualTo(SendFailure.RATE_LIMITED);
    assertThat(epoch.retryAt()).isNull();
  }

  @Test
  void anInstanceThatFailedMadeNothingButAGatewayThatGaveUpMayHave() {
    mastodon.thenAnswer(ScriptedAnswer.of(503, "{\"error\":\"Service Unavailable\"}"));
    mastodon.thenAnswer(ScriptedAnswer.of(500, "{\"error\":\"Internal Server Error\"}"));
    mastodon.thenAnswer(ScriptedAnswer.of(504, "<html><title>504 Gateway Time-out</title></html>"));
    mastodon.thenAnswer(ScriptedAnswer.of(502, "<html><title>502 Bad Gateway</title></html>"));
    MastodonPublisher publisher = publisher();

    List<SendFailure> failures =
        List.of(
            failure(() -> publisher.publish(message("k1", TEXT, null))).failure(),
            failure(() -> publisher.publish(message("k1", TEXT, null))).failure(),
            failure(() -> publisher.publish(message("k1", TEXT, null))).failure(),
            failure(() -> publisher.publish(message("k1", TEXT, null))).failure());

    assertThat(failures)
        .containsExactly(
            SendFailure.TRANSIENT,
            SendFailure.TRANSIENT,
            SendFailure.NO_ANSWER,
            SendFailure.NO_ANSWER);
  }

  @Test
  void anAnswerThatNeverCameIsNoAnswerAndARefusedConnectionIsTransient() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    MastodonPublisher nowhere =
        MastodonPublishers.on(
            URI.create("http://127.0.0.1:" + closed), TOKEN, "public", null, Duration.ofSeconds(2));
    mastodon.thenAnswer(ScriptedAnswer.DROPPED);

    assertThat(failure(() -> publisher().publish(message("k1", TEXT, null))).failure())
        .isEqualTo(SendFailure.NO_ANSWER);
    assertThat(failure(() -> nowhere.publish(message("k1", TEXT, null))).failure())
        .isEqualTo(SendFailure.TRANSIENT);
  }

  private static Settlement settlement() {
    return new Settlement(
        new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 8, () -> 0.5),
        Duration.ofMinutes(15),
        Duration.ofMinutes(15));
  }
}

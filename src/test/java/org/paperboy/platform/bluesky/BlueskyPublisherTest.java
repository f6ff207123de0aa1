package org.paperboy.platform.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.model.PostRef;
import org.paperboy.model.SendFailure;
import org.paperboy.model.Session;
import org.paperboy.publish.Message;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;
import org.paperboy.testing.FakeBluesky;
import org.paperboy.testing.ScriptedAnswer;

/**
 * How a PDS's answers become the publisher contract's outcomes: a 429 pauses the account until its
 * {@code RateLimit-Reset}; a refusal fails the post with the PDS's own words; a 5xx, or silence,
 * leaves the outcome unknown, since a PDS answers a second create at an existing key with a bare
 * 500 and may have kept the record before the connection broke. The post is then looked up with
 * {@code getRecord} at its key.
 */
class BlueskyPublisherTest {

  @TempDir Path dir;
  private TestAccount lab;

  @BeforeEach
  void start() throws Exception {
    lab = new TestAccount(dir);
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  @Test
  void aRateLimitPausesTheAccountUntilRateLimitReset() throws Exception {
    BlueskyPublisher publisher = lab.publisher();
    lab.pds.rateLimitEvery(1, Duration.ofMinutes(10));
    publisher.publish(lab.queue("Spends the window"));
    Message next = lab.queue("Waits");

    PublishException limited = failure(() -> publisher.publish(next));
    lab.clock.set(limited.retryAt());
    publisher.publish(next);

    assertThat(limited.failure()).isEqualTo(SendFailure.RATE_LIMITED);
    assertThat(limited.retryAt()).isEqualTo(Instant.parse("2026-06-01T12:10:01Z"));
    assertThat(limited).hasMessageContaining("RateLimitExceeded");
    assertThat(lab.pds.records()).hasSize(2);
  }

  @Test
  void aRateLimitResetIsReadAsEpochSeconds() throws Exception {
    lab.pds.thenAnswer(
        ScriptedAnswer.of(
            429,
            "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}",
            Map.of("RateLimit-Reset", "1780315200", "RateLimit-Remaining", "0")));

    PublishException limited = failure(() -> lab.publisher().publish(lab.queue("Later")));

    assertThat(limited.failure()).isEqualTo(SendFailure.RATE_LIMITED);
    assertThat(limited.retryAt()).isEqualTo(Instant.ofEpochSecond(1_780_315_200L));
  }

  @Test
  void anInvalidRequestFailsThePostWithThePdssMessage() {
    PublishException refused =
        failure(() -> lab.publisher("english!").publish(lab.queue("In a language of its own")));

    assertThat(refused.failure()).isEqualTo(SendFailure.REJECTED);
    assertThat(refused)
        .hasMessageStartingWith("account lab on Bluesky: Bluesky answered 400 InvalidRequest")
        .hasMessageEndingWith(
            "Invalid app.bsky.feed.post record: Invalid language (got \"english!\")"
                + " at $.record.langs[0]");
    assertThat(lab.pds.records()).isEmpty();
  }

  @Test
  void aServerErrorLeavesTheOutcomeUnknownAndTheLookupSaysToSendAgain() throws Exception {
    BlueskyPublisher publisher = lab.publisher();
    Message message = lab.queue("A paper");
    for (int status : new int[] {500, 502, 503}) {
      lab.pds.thenAnswer(ScriptedAnswer.of(status, "{\"error\":\"InternalServerError\"}"));

      assertThat(failure(() -> publisher.publish(message)).failure())
          .as("after a %d", status)
          .isEqualTo(SendFailure.NO_ANSWER);
      assertThat(publisher.find(message, TestAccount.T0)).isEmpty();
    }

    PostRef post = publisher.publish(message);

    assertThat(lab.pds.records()).singleElement().satisfies(r -> assertRef(r, post, message));
  }

  @Test
  void aSecondCreateAtTheSameKeyIsABare500AndTheLookupFindsTheFirst() throws Exception {
    BlueskyPublisher publisher = lab.publisher();
    Message message = lab.queue("A paper");
    PostRef first = publisher.publish(message);

    PublishException again = failure(() -> publisher.publish(message));

    assertThat(again.failure()).isEqualTo(SendFailure.NO_ANSWER);
    assertThat(publisher.find(message, TestAccount.T0)).contains(first);
    assertThat(lab.pds.records()).hasSize(1);
  }

  @Test
  void anAnswerLostAfterTheRecordWasKeptIsUnknownAndTheLookupFindsThePost() throws Exception {
    BlueskyPublisher publisher = lab.publisher();
    Message message = lab.queue("A paper");
    lab.pds.dropAnswerEvery(1);

    PublishException lost = failure(() -> publisher.publish(message));
    PostRef found = publisher.find(message, TestAccount.T0).orElseThrow();

    assertThat(lost.failure()).isEqualTo(SendFailure.NO_ANSWER);
    assertThat(lab.pds.dropped()).isEqualTo(1);
    assertThat(lab.pds.records()).singleElement().satisfies(r -> assertRef(r, found, message));
  }

  @Test
  void aRequestLostBeforeAnyRecordIsNotFoundAndSentAgainAtTheSameKey() throws Exception {
    BlueskyPublisher publisher = lab.publisher();
    Message message = lab.queue("A paper");
    lab.pds.thenAnswer(ScriptedAnswer.DROPPED);

    PublishException lost = failure(() -> publisher.publish(message));
    boolean found = publisher.find(message, TestAccount.T0).isPresent();
    PostRef post = publisher.publish(message);

    assertThat(lost.failure()).isEqualTo(SendFailure.NO_ANSWER);
    assertThat(found).isFalse();
    assertThat(lab.pds.records()).singleElement().satisfies(r -> assertRef(r, post, message));
  }

  @Test
  void sendingUntilFoundLeavesEachPostOnceThroughLostAnswersAndFailures() throws Exception {
    BlueskyPublisher publisher = lab.publisher();
    lab.pds.dropAnswerEvery(3);
    lab.pds.failEvery(4, 500);

    for (int i = 0; i < 30; i++) {
      Message message = lab.queue("Paper " + i);
      // What the outbox does: a send whose outcome is unknown is looked up before another.
      while (true) {
        try {
          publisher.publish(message);
          break;
        } catch (PublishException e) {
          assertThat(e.failure()).isEqualTo(SendFailure.NO_ANSWER);
          if (publisher.find(message, TestAccount.T0).isPresent()) {
            break;
          }
        }
      }
    }

    assertThat(lab.pds.dropped()).isGreaterThan(5);
    assertThat(lab.pds.records())
        .extracting(r -> r.record().path("text").asText())
        .doesNotHaveDuplicates()
        .hasSize(30);
  }

  @Test
  void aRefusedConnectionIsTransientAndALookupThatCannotBeAskedIsNoNotFound() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    lab.sessions().save("lab", new Session(lab.pds.did(), "a.b.c", "d.e.f"));
    BlueskyPublisher nowhere =
        new BlueskyPublisher(
            "lab",
            URI.create("http://127.0.0.1:" + port),
            TestAccount.HANDLE,
            TestAccount.APP_PASSWORD,
            "en",
            lab.sessions(),
            new PlatformHttp("account lab on Bluesky", Duration.ofSeconds(2)));
    Message message = lab.queue("A paper");

    assertThat(failure(() -> nowhere.publish(message)).failure()).isEqualTo(SendFailure.TRANSIENT);
    assertThat(failure(() -> nowhere.find(message, TestAccount.T0)).failure())
        .isEqualTo(SendFailure.TRANSIENT);
  }

  private static void assertRef(FakeBluesky.Created created, PostRef post, Message message) {
    assertThat(created.rkey()).isEqualTo(message.key());
    assertThat(post.id()).isEqualTo(created.uri() + " " + created.cid());
  }

  private interface Call {
    void run() throws Exception;
  }

  private static PublishException failure(Call call) {
    try {
      call.run();
    } catch (PublishException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a PublishException, got " + e, e);
    }
    throw new AssertionError("expected a PublishException, got none");
  }
}

package org.paperboy.platform.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.model.PostRef;
import org.paperboy.model.SendFailure;
import org.paperboy.model.Subject;
import org.paperboy.publish.Message;
import org.paperboy.publish.PublishException;
import org.paperboy.testing.FakeXApi;

class XPublisherTest {

  private FakeXApi x;

  @BeforeEach
  void start() throws Exception {
    x = new FakeXApi("ck", "cs", "at", "ats");
  }

  @AfterEach
  void stop() {
    x.close();
  }

  private XPublisher publisher(String consumerSecret) {
    return new XPublisher(
        "lab",
        x.baseUrl(),
        new OAuthSigner("ck", consumerSecret, "at", "ats"),
        Duration.ofSeconds(5),
        remaining -> {});
  }

  private static Message item(String text) {
    return new Message(
        "k-" + text.hashCode(),
        Instant.now(),
        "lab",
        "nejm",
        text,
        null,
        new Subject("t", "", ""),
        null);
  }

  @Test
  void postsSignedJsonAndReturnsTheNewPostsId() throws Exception {
    PostRef post =
        publisher("cs").publish(item("A paper “quoted” with é and 漢 https://doi.org/10.1/x"));

    assertThat(x.tweets())
        .containsExactly(
            new FakeXApi.Tweet(
                post.id(),
                "A paper “quoted” with é and 漢 https://doi.org/10.1/x",
                null,
                List.of()));
    assertThat(post.url()).isEqualTo("https://x.com/i/web/status/" + post.id());
  }

  @Test
  void repliesNameThePostTheyAnswer() throws Exception {
    XPublisher publisher = publisher("cs");
    String first = publisher.publish(item("Title https://doi.org/10.1/x")).id();

    String reply =
        publisher
            .publish(
                new Message(
                    "k-2",
                    Instant.now(),
                    "lab",
                    "nejm",
                    "The summary.",
                    first,
                    new Subject("t", "", ""),
                    null))
            .id();

    assertThat(x.tweets())
        .last()
        .isEqualTo(new FakeXApi.Tweet(reply, "The summary.", first, List.of()));
  }

  @Test
  void aBadSignatureIsUnauthorizedAndNamesTheAccount() {
    assertThatThrownBy(() -> publisher("wrong-secret").publish(item("text")))
        .isInstanceOfSatisfying(
            PublishException.class,
            e -> assertThat(e.failure()).isEqualTo(SendFailure.UNAUTHORIZED))
        .hasMessageStartingWith("account lab: X answered 401: bad signature")
        .hasMessageNotContaining("wrong-secret");
    assertThat(x.tweets()).isEmpty();
  }

  @Test
  void duplicateTextIsRecognised() throws Exception {
    XPublisher publisher = publisher("cs");
    publisher.publish(item("same text"));

    assertThatThrownBy(() -> publisher.publish(item("same text")))
        .isInstanceOfSatisfying(
            PublishException.class, e -> assertThat(e.failure()).isEqualTo(SendFailure.DUPLICATE));
  }

  @Test
  void rateLimitCarriesTheResetTime() {
    x.thenAnswer(
        new FakeXApi.Answer(
            429,
            "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"status\":429}",
            Map.of("x-rate-limit-reset", "1795000000", "x-rate-limit-remaining", "0")));

    assertThatThrownBy(() -> publisher("cs").publish(item("t")))
        .isInstanceOfSatisfying(
            PublishException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(SendFailure.RATE_LIMITED);
              assertThat(e.retryAt()).isEqualTo(Instant.ofEpochSecond(1795000000));
            });
  }

  @Test
  void serverErrorsAreTransientAndBadRequestsKeepTheApisMessage() {
    x.thenAnswer(new FakeXApi.Answer(503, "{\"title\":\"Service Unavailable\"}", Map.of()));
    x.thenAnswer(
        new FakeXApi.Answer(
            400,
            "{\"errors\":[{\"message\":\"Your Tweet text is too long.\"}],\"title\":\"Invalid Request\"}",
            Map.of()));
    XPublisher publisher = publisher("cs");

    assertThatThrownBy(() -> publisher.publish(item("t")))
        .isInstanceOfSatisfying(
            PublishException.class, e -> assertThat(e.failure()).isEqualTo(SendFailure.TRANSIENT));
    assertThatThrownBy(() -> publisher.publish(item("t")))
        .isInstanceOfSatisfying(
            PublishException.class, e -> assertThat(e.failure()).isEqualTo(SendFailure.REJECTED))
        .hasMessage("account lab: X answered 400: Your Tweet text is too long.");
  }

  @Test
  void aRefusedConnectionIsTransientNotAmbiguous() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    XPublisher nowhere =
        new XPublisher(
            "lab",
            URI.create("http://127.0.0.1:" + port),
            new OAuthSigner("ck", "cs", "at", "ats"),
            Duration.ofSeconds(2),
            remaining -> {});

    assertThatThrownBy(() -> nowhere.publish(item("t")))
        .isInstanceOfSatisfying(
            PublishException.class, e -> assertThat(e.failure()).isEqualTo(SendFailure.TRANSIENT));
  }

  @Test
  void aPostIsFoundAmongTheAccountsOwnAsXKeepsItLinksWrappedAndTextNormalised() throws Exception {
    XPublisher publisher = publisher("cs");
    Instant before = Instant.now();
    // "é" written as e and a combining accent, which X keeps composed; "&" which it escapes; a
    // DOI link and a bare domain, which it wraps in t.co.
    String text = "Sepsis & shock: re\u0301sume\u0301 of e.g. nejm.org https://doi.org/10.1056/x";
    PostRef post = publisher.publish(item(text));
    publisher.publish(item("Another paper https://doi.org/10.1/other"));

    assertThat(publisher.find(item(text), before)).contains(post);
    assertThat(publisher.find(item("Never posted https://doi.org/10.1/none"), before)).isEmpty();
  }

  @Test
  void aLookupReadsPageAfterPageNewestFirst() throws Exception {
    XPublisher publisher = publisher("cs");
    Instant before = Instant.now();
    PostRef first = publisher.publish(item("The first https://doi.org/10.1/first"));
    for (int i = 0; i < 120; i++) {
      publisher.publish(item("Paper " + i + " https://doi.org/10.1/" + i));
    }

    assertThat(publisher.find(item("The first https://doi.org/10.1/first"), before))
        .contains(first);
  }

  @Test
  void aPostMadeBeforeTheLookupsStartIsNotLookedFor() throws Exception {
    XPublisher publisher = publisher("cs");
    publisher.publish(item("Old https://doi.org/10.1/old"));

    assertThat(
            publisher.find(
                item("Old https://doi.org/10.1/old"), Instant.now().plus(Duration.ofHours(1))))
        .isEmpty();
  }

  @Test
  void aLookupIsSignedAndOneThePlatformCannotAnswerIsAFailureNotANotFound() {
    assertThatThrownBy(() -> publisher("wrong-secret").find(item("t"), Instant.now()))
        .isInstanceOfSatisfying(
            PublishException.class,
            e -> assertThat(e.failure()).isEqualTo(SendFailure.UNAUTHORIZED));
    x.failLookups(503);
    assertThatThrownBy(() -> publisher("cs").find(item("t"), Instant.now()))
        .isInstanceOfSatisfying(
            PublishException.class, e -> assertThat(e.failure()).isEqualTo(SendFailure.TRANSIENT));
  }

  @Test
  void aDroppedAnswerIsNoAnswerNotAFailure() {
    x.thenAnswer(FakeXApi.Answer.DROPPED);

    assertThatThrownBy(() -> publisher("cs").publish(item("t")))
        .isInstanceOfSatisfying(
            PublishException.class, e -> assertThat(e.failure()).isEqualTo(SendFailure.NO_ANSWER));
  }
}

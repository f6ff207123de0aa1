package org.paperboy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.model.AccountPause;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.model.PictureRules;
import org.paperboy.model.PostRecord;
import org.paperboy.model.PostRef;
import org.paperboy.model.QuietHours;
import org.paperboy.publish.Message;
import org.paperboy.publish.Publisher;
import org.paperboy.queue.Pacing;
import org.paperboy.store.JdbcAccountStore;
import org.paperboy.store.JdbcPostLog;
import org.paperboy.store.JdbcQueue;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.MutableClock;

/** The outbox against a fake X API that answers as X does, on a clock the test moves. */
class PostDispatcherTest {

  private static final Instant START = OutboxOnX.START;
  private static final Pacing FREE = OutboxOnX.FREE;

  private OutboxOnX on;
  private MutableClock clock;
  private JdbcQueue queue;
  private JdbcPostLog postLog;
  private JdbcAccountStore accounts;
  private FakeXApi x;

  @BeforeEach
  void open() throws Exception {
    on = new OutboxOnX();
    clock = on.clock;
    queue = on.queue;
    postLog = on.postLog;
    accounts = on.accounts;
    x = on.x;
  }

  @AfterEach
  void close() {
    on.close();
  }

  private void queue(int count) {
    on.queue(1, count, null);
  }

  private PostDispatcher dispatcher(Pacing pacing, Publisher publisher, int maxAttempts) {
    return on.dispatcher(pacing, publisher, maxAttempts, null);
  }

  /** A publisher that posts with {@code send} and finds nothing: for pacing, not platforms. */
  private static Publisher sending(Function<Message, String> send) {
    return new Publisher() {
      @Override
      public PostRef publish(Message message) {
        return new PostRef(send.apply(message), null);
      }

      @Override
      public Optional<PostRef> find(Message message, Instant since) {
        return Optional.empty();
      }

      @Override
      public PictureRules pictureRules() {
        return new PictureRules(1_000_000, PictureRules.COMMON_TYPES, 1000);
      }
    };
  }

  @Test
  void thirtyPapersGoOutOneByOneAcrossTheAllowedHoursOldestFirst() {
    queue(30);
    List<String> sent = new ArrayList<>();
    Publisher recording =
        sending(
            message -> {
              sent.add(
                  clock.instant()
                      + " "
                      + message.text().substring(0, message.text().indexOf(' ', 6)));
              return "id";
            });
    QuietHours nights = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("UTC"));
    PostDispatcher dispatcher =
        dispatcher(new Pacing(Duration.ofMinutes(20), 48, nights), recording, 8);

    for (int round = 0; round < 100 && sent.size() < 30; round++) {
      DispatchReport report = dispatcher.dispatch("lab");
      if (report.nextAllowed() != null) {
        clock.set(report.nextAllowed());
      }
    }

    List<String> expected = new ArrayList<>();
    Instant at = START;
    for (int n = 1; n <= 30; n++) {
      expected.add(at + " Paper " + n);
      at = at.plus(Duration.ofMinutes(20));
      if (at.equals(Instant.parse("2026-11-21T22:00:00Z"))) {
        at = Instant.parse("2026-11-22T07:00:00Z");
      }
    }
    assertThat(sent).containsExactlyElementsOf(expected);
    assertThat(sent.get(29)).startsWith("2026-11-22T14:40:00Z");
  }

  @Test
  void maxPerDayHoldsOverARolling24Hours() {
    queue(5);
    List<Instant> times = new ArrayList<>();
    Publisher recording =
        sending(
            message -> {
              times.add(clock.instant());
              return "id";
            });
    PostDispatcher dispatcher = dispatcher(new Pacing(Duration.ofHours(1), 3), recording, 8);

    for (int round = 0; round < 20 && times.size() < 5; round++) {
      DispatchReport report = dispatcher.dispatch("lab");
      if (report.nextAllowed() != null) {
        clock.set(report.nextAllowed());
      }
    }

    assertThat(times)
        .containsExactly(
            START,
            START.plusSeconds(3600),
            START.plusSeconds(7200),
            START.plus(Duration.ofHours(24)),
            START.plus(Duration.ofHours(25)));
  }

  @Test
  void aRateLimitPausesTheWholeAccountUntilItsReset() {
    queue(3);
    Instant reset = START.plus(Duration.ofMinutes(15));
    x.thenAnswer(FakeXApi.Answer.AS_USUAL);
    x.thenAnswer(
        new FakeXApi.Answer(
            429,
            "{\"title\":\"Too Many Requests\"}",
            Map.of("x-rate-limit-reset", Long.toString(reset.getEpochSecond()))));
    PostDispatcher dispatcher = dispatcher(FREE, on.toX("cs"), 8);

    DispatchReport first = dispatcher.dispatch("lab");
    clock.advance(Duration.ofMinutes(5));
    DispatchReport paused = dispatcher.dispatch("lab");
    clock.set(reset.plusSeconds(1));
    DispatchReport resumed = dispatcher.dispatch("lab");

    assertThat(first.posted()).isEqualTo(1);
    assertThat(first.nextAllowed()).isEqualTo(reset);
    assertThat(first.problem()).isNull();
    assertThat(paused.posted()).isZero();
    assertThat(x.statuses()).containsExactly(201, 429, 201, 201);
    assertThat(resumed.posted()).isEqualTo(2);
    assertThat(accounts.pause("lab")).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenFailedWithTheLastError() {
    queue(1);
    for (int i = 0; i < 3; i++) {
      x.thenAnswer(
          new FakeXApi.Answer(
              503,
              "{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\"}",
              Map.of()));
    }
    PostDispatcher dispatcher = dispatcher(FREE, on.toX("cs"), 3);

    List<Instant> tries = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      int before = x.statuses().size();
      dispatcher.dispatch("lab");
      if (x.statuses().size() > before) {
        tries.add(clock.instant());
      }
      clock.advance(Duration.ofSeconds(30));
    }

    assertThat(x.statuses()).containsExactly(503, 503, 503);
    // Backoff with the jitter at its top: a minute, then two.
    assertThat(Duration.between(tries.get(0), tries.get(1)))
        .isBetween(Duration.ofSeconds(60), Duration.ofSeconds(90));
    assertThat(Duration.between(tries.get(1), tries.get(2)))
        .isBetween(Duration.ofSeconds(120), Duration.ofSeconds(150));
    assertThat(queue.items("lab"))
        .extracting(OutboxItem::state, OutboxItem::lastError)
        .containsExactly(
            Tuple.tuple(OutboxState.FAILED, "account lab: X answered 503: Service Unavailable"));
  }

  @Test
  void aPostWhoseAnswerNeverCameIsFoundOnTheAccountAndNotSentAgain() {
    queue(1);
    x.acceptDuplicates();
    x.thenAnswer(FakeXApi.Answer.slow(Duration.ofSeconds(3)));
    PostDispatcher dispatcher = dispatcher(FREE, on.toX("cs"), 8);

    DispatchReport timedOut = dispatcher.dispatch("lab");
    // X created the post; its answer arrives after Paperboy stopped waiting.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> x.statuses().size() == 1);
    assertThat(queue.items("lab"))
        .extracting(OutboxItem::state)
        .containsExactly(OutboxState.UNKNOWN);
    clock.advance(Duration.ofMinutes(2));
    DispatchReport settled = dispatcher.dispatch("lab");

    assertThat(timedOut.retrying()).isEqualTo(1);
    assertThat(settled.posted()).isEqualTo(1);
    assertThat(x.tweets()).hasSize(1);
    assertThat(x.statuses())
        .as("the post, then /users/me and the timeline")
        .containsExactly(201, 200, 200);
    assertThat(postLog.history("lab", null))
        .extracting(PostRecord::remoteId)
        .containsExactly(x.tweets().get(0).id());
  }

  @Test
  void aPostWhoseAnswerNeverCameAndThatIsNotOnTheAccountIsSentAgainWordForWord() {
    queue(1);
    x.acceptDuplicates();
    x.thenAnswer(FakeXApi.Answer.DROPPED);
    PostDispatcher dispatcher = dispatcher(FREE, on.toX("cs"), 8);

    dispatcher.dispatch("lab");
    clock.advance(Duration.ofMinutes(2));
    DispatchReport settled = dispatcher.dispatch("lab");

    assertThat(settled.posted()).isEqualTo(1);
    assertThat(x.tweets())
        .extracting(FakeXApi.Tweet::text)
        .containsExactly("Paper 1 https://doi.org/10.1/1");
  }

  @Test
  void anUnknownPostThePlatformCannotBeAskedAboutStaysUnknownNeverFailed() {
    queue(1);
    x.acceptDuplicates();
    x.thenAnswer(FakeXApi.Answer.DROPPED);
    x.failLookups(503);
    PostDispatcher dispatcher = dispatcher(FREE, on.toX("cs"), 3);

    for (int round = 0; round < 10; round++) {
      dispatcher.dispatch("lab");
      clock.advance(Duration.ofMinutes(10));
    }

    assertThat(queue.items("lab"))
        .extracting(OutboxItem::state, OutboxItem::notBefore)
        .as("its retries spent, it waits for a maintainer")
        .containsExactly(Tuple.tuple(OutboxState.UNKNOWN, null));
    assertThat(queue.awaitingLook()).containsEntry("lab", 1);
    assertThat(x.tweets()).isEmpty();

    // A maintainer's retry looks again, and sends only what is not there.
    x.failLookups(0);
    long id = queue.items("lab").get(0).id();
    assertThat(queue.recheck(id, clock.instant())).isTrue();
    assertThat(dispatcher.dispatch("lab").posted()).isEqualTo(1);
    assertThat(x.tweets()).hasSize(1);
  }

  @Test
  void anUnknownPostKeepsItsTextWhateverTheConfigSaysNow() {
    queue(1);
    x.thenAnswer(FakeXApi.Answer.DROPPED);
    dispatcher(FREE, on.toX("cs"), 8).dispatch("lab");
    long id = queue.items("lab").get(0).id();

    assertThat(queue.rewrite(id, "A new text", null, clock.instant())).isFalse();
    assertThat(queue.items("lab"))
        .extracting(OutboxItem::text)
        .containsExactly("Paper 1 https://doi.org/10.1/1");
  }

  @Test
  void eachDispatchSaysWhenItsAccountHasSomethingDueNext() {
    queue(2);
    x.thenAnswer(new FakeXApi.Answer(503, "{\"title\":\"Service Unavailable\"}", Map.of()));

    DispatchReport failed = dispatcher(FREE, on.toX("cs"), 8).dispatch("lab");
    DispatchReport paced =
        dispatcher(new Pacing(Duration.ofMinutes(20), 100), on.toX("cs"), 8).dispatch("lab");

    // The retry's time: a minute's backoff, its jitter at the top.
    assertThat(failed.nextWake()).isBetween(START.plusSeconds(59), START.plusSeconds(61));
    // Pacing's next slot, sooner than the other post's retry.
    assertThat(paced.posted()).isEqualTo(1);
    assertThat(paced.nextWake()).isEqualTo(START.plus(Duration.ofMinutes(20)));
  }

  @Test
  void refusedCredentialsPauseTheAccountWithOneErrorAndKeepItsQueue() {
    queue(2);
    String logs;
    try (CapturedLogs captured = CapturedLogs.start()) {
      PostDispatcher wrongKeys = dispatcher(FREE, on.toX("not-the-secret"), 8);
      DispatchReport refused = wrongKeys.dispatch("lab");
      wrongKeys.dispatch("lab");
      clock.advance(Duration.ofMinutes(16));
      wrongKeys.dispatch("lab");
      assertThat(refused.problem()).startsWith("account lab: X answered 401: bad signature");
      logs = captured.text();
    }

    assertThat(x.statuses()).containsExactly(401, 401);
    assertThat(logs.lines().filter(l -> l.startsWith("ERROR")).toList())
        .singleElement()
        .asString()
        .contains("account lab is paused, its queue kept, until its credentials work");
    assertThat(queue.items("lab")).extracting(OutboxItem::state).containsOnly(OutboxState.QUEUED);
    assertThat(accounts.pause("lab"))
        .get()
        .extracting(AccountPause::kind)
        .isEqualTo(AccountPause.Kind.UNAUTHORIZED);

    accounts.resumeUnauthorized();
    DispatchReport fixed = dispatcher(FREE, on.toX("cs"), 8).dispatch("lab");
    assertThat(fixed.posted()).isEqualTo(2);
  }

  @Test
  void aDuplicateIsPostedAndABadRequestFailsWithTheApisMessage() {
    queue(2);
    x.thenAnswer(
        new FakeXApi.Answer(
            403,
            "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\"}",
            Map.of()));
    x.thenAnswer(
        new FakeXApi.Answer(
            400, "{\"errors\":[{\"message\":\"Your Tweet text is too long.\"}]}", Map.of()));

    DispatchReport report = dispatcher(FREE, on.toX("cs"), 8).dispatch("lab");

    assertThat(report.posted()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(queue.items("lab"))
        .extracting(OutboxItem::state, OutboxItem::lastError)
        .containsExactly(
            Tuple.tuple(OutboxState.POSTED, null),
            Tuple.tuple(
                OutboxState.FAILED, "account lab: X answered 400: Your Tweet text is too long."));
  }
}

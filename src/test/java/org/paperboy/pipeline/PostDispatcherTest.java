package org.paperboy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.model.AccountPause;
import org.paperboy.model.Budget;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.model.PaperIdentity;
import org.paperboy.model.PaperKey;
import org.paperboy.model.Picture;
import org.paperboy.model.PictureRules;
import org.paperboy.model.PostRecord;
import org.paperboy.model.PostRef;
import org.paperboy.model.QuietHours;
import org.paperboy.platform.x.OAuthSigner;
import org.paperboy.platform.x.XPublisher;
import org.paperboy.platform.x.XText;
import org.paperboy.publish.Message;
import org.paperboy.publish.Publisher;
import org.paperboy.queue.Backoff;
import org.paperboy.queue.Pacing;
import org.paperboy.queue.Settlement;
import org.paperboy.queue.Spending;
import org.paperboy.store.Database;
import org.paperboy.store.JdbcAccountStore;
import org.paperboy.store.JdbcOutbox;
import org.paperboy.store.JdbcPaperStore;
import org.paperboy.store.JdbcPictures;
import org.paperboy.store.JdbcPostLog;
import org.paperboy.store.JdbcQueue;
import org.paperboy.store.JdbcSpend;
import org.paperboy.store.NewPaper;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FakeXMedia;
import org.paperboy.testing.MutableClock;
import org.paperboy.testing.TestPictures;

/** The outbox against a fake X API that answers as X does, on a clock the test moves. */
class PostDispatcherTest {

  private static final Instant START = Instant.parse("2026-11-21T20:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private Database database;
  private JdbcOutbox outbox;
  private JdbcQueue queue;
  private JdbcPostLog postLog;
  private JdbcAccountStore accounts;
  private JdbcPaperStore papers;
  private FakeXApi x;

  @BeforeEach
  void open() throws Exception {
    database = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
    outbox = new JdbcOutbox(database.dataSource(), database.dialect());
    queue = new JdbcQueue(database.dataSource());
    postLog = new JdbcPostLog(database.dataSource());
    accounts = new JdbcAccountStore(database.dataSource());
    papers = new JdbcPaperStore(database.dataSource());
    x = new FakeXApi("ck", "cs", "at", "ats");
  }

  @AfterEach
  void close() {
    x.close();
    database.close();
  }

  private void queue(int count) {
    queue(1, count, null);
  }

  /** Queues papers {@code first} to {@code last}, each with {@code picture} (or none). */
  private void queue(int first, int last, Picture picture) {
    // Dated oldest first by number, queued newest first: the outbox must reorder them.
    for (int n = last; n >= first; n--) {
      papers.record(
          new NewPaper(
              new PaperKey("lab", PaperIdentity.parse("doi:10.1/" + n)),
              "journal",
              "p" + n,
              "10.1/" + n,
              null,
              "Paper " + n,
              START.minus(Duration.ofDays(100 - n)),
              "Paper " + n + " https://doi.org/10.1/" + n,
              null,
              false,
              null,
              null,
              null,
              picture,
              null),
          clock.instant());
    }
  }

  private PostDispatcher dispatcher(Pacing pacing, Publisher publisher, int maxAttempts) {
    return dispatcher(pacing, publisher, maxAttempts, null);
  }

  private PostDispatcher dispatcher(
      Pacing pacing, Publisher publisher, int maxAttempts, Spending spending) {
    Settlement settlement =
        new Settlement(
            new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), maxAttempts, () -> 0.999),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15));
    return new PostDispatcher(
        Map.of(
            "lab",
            new PostDispatcher.Account(pacing, publisher, settlement, new XText(), spending)),
        outbox,
        new JdbcPostLog(database.dataSource()),
        accounts,
        new JdbcSpend(database.dataSource()),
        new JdbcPictures(database.dataSource()),
        clock,
        Events.NONE,
        () -> null,
        Duration.ofSeconds(15),
        () -> false);
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

  private XPublisher toX(String consumerSecret) {
    return new XPublisher(
        "lab",
        x.baseUrl(),
        new OAuthSigner("ck", consumerSecret, "at", "ats"),
        Duration.ofSeconds(1),
        remaining -> {});
  }

  private static final Pacing FREE = new Pacing(Duration.ZERO, 1000);

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
    PostDispatcher dispatcher = dispatcher(FREE, toX("cs"), 8);

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
    PostDispatcher dispatcher = dispatcher(FREE, toX("cs"), 3);

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
    PostDispatcher dispatcher = dispatcher(FREE, toX("cs"), 8);

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
    PostDispatcher dispatcher = dispatcher(FREE, toX("cs"), 8);

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
    PostDispatcher dispatcher = dispatcher(FREE, toX("cs"), 3);

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
  void eachPostIsChargedOnceWhetherItsAnswerCameLateNeverOrAsARefusal() {
    queue(3);
    x.acceptDuplicates();
    JdbcSpend spend = new JdbcSpend(database.dataSource());
    Spending spending =
        new Spending(
            new Budget(
                new BigDecimal("10.00"),
                new BigDecimal("0.015"),
                new BigDecimal("0.20"),
                BigDecimal.ZERO,
                1));
    PostDispatcher dispatcher =
        dispatcher(new Pacing(Duration.ofMinutes(20), 100), toX("cs"), 8, spending);

    // Paper 1 is made, its answer lost: spent, and found on X, not charged again.
    x.dropAnswerEvery(1);
    dispatcher.dispatch("lab");
    x.dropAnswerEvery(0);
    assertThat(spend.since("lab", START)).isEqualByComparingTo("0.20");
    clock.advance(Duration.ofMinutes(21));
    dispatcher.dispatch("lab");
    // Paper 2 is never made and no answer comes: spent once, though sent twice.
    x.thenAnswer(FakeXApi.Answer.DROPPED);
    clock.advance(Duration.ofMinutes(21));
    dispatcher.dispatch("lab");
    clock.advance(Duration.ofMinutes(21));
    dispatcher.dispatch("lab");
    assertThat(x.tweets()).hasSize(2);
    assertThat(spend.since("lab", START)).isEqualByComparingTo("0.40");
    // Paper 3 is refused: X bills nothing for it.
    x.thenAnswer(
        new FakeXApi.Answer(
            400, "{\"title\":\"Invalid Request\",\"detail\":\"text too long\"}", Map.of()));
    clock.advance(Duration.ofMinutes(21));
    dispatcher.dispatch("lab");

    assertThat(queue.items("lab"))
        .extracting(OutboxItem::state)
        .containsExactly(OutboxState.POSTED, OutboxState.POSTED, OutboxState.FAILED);
    assertThat(x.tweets()).hasSize(2);
    assertThat(spend.since("lab", START)).isEqualByComparingTo("0.40");
  }

  private static Spending spending(String perMedia) {
    return new Spending(
        new Budget(
            new BigDecimal("10.00"),
            new BigDecimal("0.015"),
            new BigDecimal("0.20"),
            new BigDecimal(perMedia),
            1));
  }

  @Test
  void aPostNotFoundAfterItsAnswerWasLostThenRefusedCostsNothing() {
    queue(1);
    x.acceptDuplicates();
    JdbcSpend spend = new JdbcSpend(database.dataSource());
    PostDispatcher dispatcher = dispatcher(FREE, toX("cs"), 8, spending("0"));

    // Sent, no answer, nothing made: spent, as far as Paperboy can tell.
    x.thenAnswer(FakeXApi.Answer.DROPPED);
    dispatcher.dispatch("lab");
    assertThat(spend.since("lab", START)).isEqualByComparingTo("0.20");
    // Looked up, not found, sent again and refused: neither send made a post X bills.
    x.thenAnswer(tooLong());
    clock.advance(Duration.ofMinutes(2));
    dispatcher.dispatch("lab");

    assertThat(queue.items("lab"))
        .extracting(OutboxItem::state)
        .containsExactly(OutboxState.FAILED);
    assertThat(x.tweets()).isEmpty();
    assertThat(spend.since("lab", START)).isEqualByComparingTo("0");
  }

  @Test
  void aPictureXRefusesIsNotChargedAndThePostGoesOutWithoutIt() {
    queue(1, 1, picture());
    x.acceptDuplicates();
    x.refuseMediaUploads("media type unrecognized");
    JdbcSpend spend = new JdbcSpend(database.dataSource());

    assertThat(dispatcher(FREE, toX("cs"), 8, spending("0.005")).dispatch("lab").posted())
        .isEqualTo(1);

    assertThat(x.tweets()).extracting(FakeXApi.Tweet::mediaIds).containsExactly(List.of());
    assertThat(spend.since("lab", START))
        .as("a linked post, no picture")
        .isEqualByComparingTo("0.20");
  }

  @Test
  void aPictureXTakesIsChargedWithItsPost() {
    queue(1, 1, picture());
    x.acceptDuplicates();
    JdbcSpend spend = new JdbcSpend(database.dataSource());

    dispatcher(FREE, toX("cs"), 8, spending("0.005")).dispatch("lab");

    assertThat(x.tweets())
        .singleElement()
        .satisfies(tweet -> assertThat(tweet.mediaIds()).hasSize(1));
    assertThat(x.media()).singleElement().extracting(FakeXMedia.Media::alt).isEqualTo("Trial flow");
    assertThat(spend.since("lab", START)).isEqualByComparingTo("0.205");
  }

  @Test
  void aFailedPostKeepsItsPictureForAMaintainersRetryThenForgetsIt() throws Exception {
    queue(1, 3, picture());
    x.acceptDuplicates();
    PostDispatcher dispatcher = dispatcher(new Pacing(Duration.ofMinutes(20), 100), toX("cs"), 8);
    // Paper 1 is refused, paper 2 posted; paper 3 waits for its turn.
    x.thenAnswer(tooLong());
    dispatcher.dispatch("lab");
    long failed = queue.items("lab").get(0).id();
    assertThat(queue.items("lab"))
        .extracting(OutboxItem::state)
        .containsExactly(OutboxState.FAILED, OutboxState.POSTED, OutboxState.QUEUED);
    assertThat(picturesKept()).as("paper 1's, kept; paper 3's, still to send").isEqualTo(2);

    // A maintainer's retry a week later: the post goes out with its picture.
    clock.advance(Duration.ofDays(7));
    assertThat(queue.requeue(failed, null, Set.of(OutboxState.FAILED), clock.instant()))
        .isEqualTo(1);
    dispatcher.dispatch("lab");
    assertThat(x.tweets()).extracting(FakeXApi.Tweet::mediaIds).allMatch(ids -> ids.size() == 1);
    assertThat(x.tweets()).hasSize(2);

    // Paper 3 fails too, and is left alone: its picture is kept 30 days, then forgotten.
    x.thenAnswer(tooLong());
    clock.advance(Duration.ofMinutes(21));
    dispatcher.dispatch("lab");
    assertThat(picturesKept()).isEqualTo(1);
    queue(4, 4, null);
    clock.advance(Duration.ofDays(31));
    dispatcher.dispatch("lab");
    assertThat(picturesKept()).isZero();
  }

  private static Picture picture() {
    return new Picture(
        TestPictures.jpeg(800, 600, 1),
        "image/jpeg",
        800,
        600,
        "Trial flow",
        "https://journal.test/figure.jpg");
  }

  private static FakeXApi.Answer tooLong() {
    return new FakeXApi.Answer(
        400, "{\"title\":\"Invalid Request\",\"detail\":\"text too long\"}", Map.of());
  }

  private int picturesKept() throws Exception {
    try (Connection c = database.dataSource().getConnection();
        ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM pictures")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Test
  void anUnknownPostKeepsItsTextWhateverTheConfigSaysNow() {
    queue(1);
    x.thenAnswer(FakeXApi.Answer.DROPPED);
    dispatcher(FREE, toX("cs"), 8).dispatch("lab");
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

    DispatchReport failed = dispatcher(FREE, toX("cs"), 8).dispatch("lab");
    DispatchReport paced =
        dispatcher(new Pacing(Duration.ofMinutes(20), 100), toX("cs"), 8).dispatch("lab");

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
      PostDispatcher wrongKeys = dispatcher(FREE, toX("not-the-secret"), 8);
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
    DispatchReport fixed = dispatcher(FREE, toX("cs"), 8).dispatch("lab");
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

    DispatchReport report = dispatcher(FREE, toX("cs"), 8).dispatch("lab");

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

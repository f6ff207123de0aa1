package org.paperboy.platform.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.model.AccountPause;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.model.PaperIdentity;
import org.paperboy.model.PaperKey;
import org.paperboy.model.PostRecord;
import org.paperboy.model.Subject;
import org.paperboy.model.Tid;
import org.paperboy.pipeline.DispatchReport;
import org.paperboy.pipeline.Events;
import org.paperboy.pipeline.PostDispatcher;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.queue.Backoff;
import org.paperboy.queue.Pacing;
import org.paperboy.queue.Settlement;
import org.paperboy.store.Database;
import org.paperboy.store.JdbcAccountStore;
import org.paperboy.store.JdbcOutbox;
import org.paperboy.store.JdbcPaperStore;
import org.paperboy.store.JdbcPictures;
import org.paperboy.store.JdbcPostLog;
import org.paperboy.store.JdbcQueue;
import org.paperboy.store.JdbcSpend;
import org.paperboy.store.NewPaper;
import org.paperboy.testing.FakeMastodon;
import org.paperboy.testing.MutableClock;
import org.paperboy.testing.ScriptedAnswer;

/**
 * Exactly once is Paperboy's, not Mastodon's: the outbox and a real database against a fake
 * Mastodon, on a clock the test moves within and past the hour for which the instance keeps an
 * idempotency key. A post whose answer never came is sent again with its key within the hour and
 * looked up after it, and the account holds each paper once.
 */
class MastodonExactlyOnceTest {

  private static final Instant START = Instant.parse("2026-11-21T20:00:00Z");
  private static final String TOKEN = "lab-mastodon-token-0453";

  private final MutableClock clock = new MutableClock(START);
  private Database database;
  private JdbcQueue queue;
  private JdbcAccountStore accounts;
  private FakeMastodon mastodon;
  private PostDispatcher dispatcher;

  @BeforeEach
  void open() throws Exception {
    database = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
    queue = new JdbcQueue(database.dataSource());
    accounts = new JdbcAccountStore(database.dataSource());
    mastodon = new FakeMastodon(TOKEN, clock);
    PostDispatcher.Account lab =
        new PostDispatcher.Account(
            new Pacing(Duration.ZERO, 1000),
            MastodonPublishers.on(mastodon.baseUrl(), TOKEN, "public", "en", Duration.ofSeconds(5)),
            new Settlement(
                new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 8, () -> 0.999),
                Duration.ofMinutes(15),
                Duration.ofMinutes(15)),
            new MastodonText(
                new MastodonInstance(
                    mastodon.baseUrl(),
                    new PlatformHttp("the instance", Duration.ofSeconds(5)),
                    clock)),
            null);
    dispatcher =
        new PostDispatcher(
            Map.of("lab", lab),
            new JdbcOutbox(database.dataSource(), database.dialect()),
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

  @AfterEach
  void close() {
    mastodon.close();
    database.close();
  }

  /** Queues paper {@code n}'s post, and its reply when {@code reply} is not null. */
  private void queue(int n, String reply) {
    String title = "Paper " + n + " on early care";
    String link = "https://doi.org/10.1/" + n;
    new JdbcPaperStore(database.dataSource())
        .record(
            new NewPaper(
                new PaperKey("lab", PaperIdentity.parse("doi:10.1/" + n)),
                "nejm",
                "p" + n,
                "10.1/" + n,
                link,
                title,
                START.minus(Duration.ofDays(100 - n)),
                title + "\n" + link,
                reply,
                false,
                null,
                new Tid(ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant()) + 2L * n, 7),
                new Subject(title, link, reply == null ? "" : reply),
                null,
                null),
            clock.instant());
  }

  private String key(int n) {
    return new Tid(ChronoUnit.MICROS.between(Instant.EPOCH, START) + 2L * n, 7).toString();
  }

  private String remoteIdOf(int n) {
    return new JdbcPostLog(database.dataSource())
        .history("lab", null).stream()
            .filter(post -> post.text().startsWith("Paper " + n + " "))
            .map(PostRecord::remoteId)
            .findFirst()
            .orElseThrow();
  }

  private boolean allPosted() {
    return queue.items("lab").stream().allMatch(item -> item.state() == OutboxState.POSTED);
  }

  @Test
  void withinTheHourAPostWhoseAnswerNeverCameIsSentAgainWithItsKeyAndAnsweredWithTheStatusMade() {
    queue(1, null);
    mastodon.dropAnswerEvery(1);

    DispatchReport dropped = dispatcher.dispatch("lab");
    clock.advance(Duration.ofMinutes(2));
    DispatchReport settled = dispatcher.dispatch("lab");

    assertThat(dropped.retrying()).isEqualTo(1);
    assertThat(settled.posted()).isEqualTo(1);
    assertThat(mastodon.requests("POST /api/v1/statuses")).as("sent twice").isEqualTo(2);
    assertThat(lookups()).as("the repeat is the look").isZero();
    assertThat(mastodon.statuses())
        .singleElement()
        .extracting(FakeMastodon.Status::idempotencyKey)
        .isEqualTo(key(1));
    assertThat(remoteIdOf(1)).isEqualTo(mastodon.statuses().get(0).id());
  }

  @Test
  void withinTheHourAPostThatNeverReachedTheAccountIsMadeByItsRepeat() {
    queue(1, null);
    mastodon.thenAnswer(ScriptedAnswer.DROPPED);

    dispatcher.dispatch("lab");
    clock.advance(Duration.ofMinutes(2));
    DispatchReport settled = dispatcher.dispatch("lab");

    assertThat(settled.posted()).isEqualTo(1);
    assertThat(lookups()).isZero();
    assertThat(mastodon.statuses())
        .singleElement()
        .extracting(FakeMastodon.Status::idempotencyKey)
        .isEqualTo(key(1));
  }

  @Test
  void aRepeatRefusedBeforeTheInstanceReadItsKeyLeavesThePostUnknownAndLookedUpPastTheHour() {
    queue(1, null);
    mastodon.dropAnswerEvery(1);
    dispatcher.dispatch("lab");

    // The instance is down when the repeat goes: its 503 says nothing of the first send.
    mastodon.failEvery(1, 503);
    clock.advance(Duration.ofMinutes(2));
    dispatcher.dispatch("lab");
    assertThat(queue.items("lab"))
        .extracting(OutboxItem::state)
        .containsExactly(OutboxState.UNKNOWN);

    // Back after the hour, when the instance has forgotten the key: looked up, not sent again.
    mastodon.stopFailing();
    clock.advance(Duration.ofHours(2));
    DispatchReport settled = dispatcher.dispatch("lab");

    assertThat(settled.posted()).isEqualTo(1);
    assertThat(lookups()).isPositive();
    assertThat(mastodon.statuses()).hasSize(1);
    assertThat(remoteIdOf(1)).isEqualTo(mastodon.statuses().get(0).id());
  }

  @Test
  void fortyFiveMinutesOnAPostWhoseAnswerNeverCameIsLookedUpNotRepeated() {
    queue(1, null);
    mastodon.dropAnswerEvery(1);
    dispatcher.dispatch("lab");

    clock.advance(Duration.ofMinutes(45));
    DispatchReport settled = dispatcher.dispatch("lab");

    assertThat(settled.posted()).isEqualTo(1);
    assertThat(lookups()).isPositive();
    assertThat(mastodon.requests("POST /api/v1/statuses")).as("sent once").isEqualTo(1);
  }

  /** The requests that look for a post among the account's statuses. */
  private int lookups() {
    return mastodon.requests("GET /api/v1/accounts/verify_credentials")
        + mastodon.requests("GET /api/v1/accounts/:id/statuses");
  }

  @Test
  void aPostMadeWhoseAnswerNeverCameIsFoundPastTheHourAndNotSentAgain() {
    queue(1, null);
    mastodon.dropAnswerEvery(1);

    DispatchReport dropped = dispatcher.dispatch("lab");
    clock.advance(Duration.ofHours(2)); // the instance has forgotten the key by now
    DispatchReport settled = dispatcher.dispatch("lab");

    assertThat(dropped.retrying()).isEqualTo(1);
    assertThat(settled.posted()).isEqualTo(1);
    assertThat(mastodon.requests("POST /api/v1/statuses")).isEqualTo(1);
    assertThat(mastodon.statuses())
        .singleElement()
        .extracting(FakeMastodon.Status::idempotencyKey)
        .isEqualTo(key(1));
    assertThat(remoteIdOf(1)).isEqualTo(mastodon.statuses().get(0).id());
  }

  @Test
  void aPostThatNeverReachedTheAccountIsSentAgainWordForWordWithItsKey() {
    queue(1, null);
    mastodon.thenAnswer(ScriptedAnswer.DROPPED);

    dispatcher.dispatch("lab");
    clock.advance(Duration.ofHours(2));
    DispatchReport settled = dispatcher.dispatch("lab");

    assertThat(settled.posted()).isEqualTo(1);
    assertThat(mastodon.statuses())
        .singleElement()
        .satisfies(
            status -> {
              assertThat(status.text()).isEqualTo("Paper 1 on early care\nhttps://doi.org/10.1/1");
              assertThat(status.idempotencyKey()).isEqualTo(key(1));
            });
  }

  @Test
  void aThreadsReplyWhoseAnswerNeverCameIsFoundByThePostItAnswers() {
    queue(1, "Mortality fell.");
    mastodon.dropAnswerEvery(2);

    dispatcher.dispatch("lab");
    clock.advance(Duration.ofHours(2));
    DispatchReport settled = dispatcher.dispatch("lab");

    assertThat(settled.posted()).isEqualTo(1);
    assertThat(mastodon.requests("POST /api/v1/statuses")).isEqualTo(2);
    assertThat(mastodon.statuses()).hasSize(2);
    assertThat(mastodon.statuses().get(1).inReplyToId()).isEqualTo(mastodon.statuses().get(0).id());
    assertThat(mastodon.statuses().get(1).idempotencyKey()).isNotEqualTo(key(1));
    assertThat(queue.items("lab")).extracting(OutboxItem::state).containsOnly(OutboxState.POSTED);
  }

  @Test
  void everyThirdAnswerDroppedAndEveryLookAnHourLaterEachPaperIsOnTheAccountOnce() {
    for (int n = 1; n <= 12; n++) {
      queue(n, null);
    }
    mastodon.dropAnswerEvery(3);

    for (int round = 0; round < 20 && !allPosted(); round++) {
      dispatcher.dispatch("lab");
      clock.advance(Duration.ofMinutes(61));
    }

    assertThat(mastodon.dropped()).isEqualTo(4);
    assertThat(mastodon.statuses())
        .extracting(FakeMastodon.Status::text)
        .doesNotHaveDuplicates()
        .hasSize(12);
    assertThat(queue.items("lab")).extracting(OutboxItem::state).containsOnly(OutboxState.POSTED);
    for (int n = 1; n <= 12; n++) {
      assertThat(remoteIdOf(n)).isEqualTo(mastodon.statuses().get(n - 1).id());
    }
  }

  @Test
  void aRateLimitPausesTheAccountUntilTheInstancesIsoReset() {
    queue(1, null);
    queue(2, null);
    queue(3, null);
    mastodon.rateLimitEvery(1, Duration.ofMinutes(15));
    Instant reset = START.plus(Duration.ofMinutes(15)).plusSeconds(1);

    DispatchReport first = dispatcher.dispatch("lab");
    clock.advance(Duration.ofMinutes(5));
    DispatchReport paused = dispatcher.dispatch("lab");
    clock.set(reset);
    DispatchReport resumed = dispatcher.dispatch("lab");

    assertThat(first.posted()).isEqualTo(1);
    assertThat(first.nextAllowed()).isEqualTo(reset);
    assertThat(first.problem()).isNull();
    assertThat(paused.posted()).isZero();
    assertThat(resumed.posted()).isEqualTo(1);
    assertThat(accounts.pause("lab"))
        .get()
        .extracting(AccountPause::kind, AccountPause::until)
        .containsExactly(
            AccountPause.Kind.RATE_LIMITED, reset.plus(Duration.ofMinutes(15)).plusSeconds(1));
    assertThat(mastodon.statuses()).hasSize(2);
  }

  @Test
  void aRevokedTokenPausesTheAccountAndKeepsItsQueue() {
    queue(1, null);
    mastodon.revokeToken();

    DispatchReport refused = dispatcher.dispatch("lab");

    assertThat(refused.problem())
        .startsWith("account lab on mastodon: Mastodon answered 401: The access token was revoked");
    assertThat(accounts.pause("lab"))
        .get()
        .extracting(AccountPause::kind)
        .isEqualTo(AccountPause.Kind.UNAUTHORIZED);
    assertThat(queue.items("lab")).extracting(OutboxItem::state).containsOnly(OutboxState.QUEUED);
    assertThat(mastodon.statuses()).isEmpty();
  }
}

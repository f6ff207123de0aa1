package org.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.model.AccountPause;
import org.paperboy.model.DashboardSession;
import org.paperboy.model.DashboardSessions;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.model.PaperIdentity;
import org.paperboy.model.PaperKey;
import org.paperboy.model.PostRef;

/**
 * What Paperboy needs of its store, the same on every database it runs on: each subclass opens one
 * kind.
 */
abstract class StoreContract {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

  private Database database;
  private JdbcFeedStore feeds;
  private JdbcPaperStore papers;
  private JdbcOutbox outbox;
  private JdbcQueue queue;
  private JdbcPostLog postLog;

  /** A fresh, empty database of the kind under test. */
  abstract Database openDatabase();

  @BeforeEach
  void open() {
    database = openDatabase();
    feeds = new JdbcFeedStore(database.dataSource());
    papers = new JdbcPaperStore(database.dataSource());
    outbox = new JdbcOutbox(database.dataSource(), database.dialect());
    queue = new JdbcQueue(database.dataSource());
    postLog = new JdbcPostLog(database.dataSource());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static NewPaper paper(String feed, String guid, String doi, Instant date, String text) {
    String identity = doi != null ? "doi:" + doi : "guid:" + feed + ":" + guid;
    return new NewPaper(
        new PaperKey("lab", PaperIdentity.parse(identity)),
        feed,
        guid,
        doi,
        null,
        "Title " + guid,
        date,
        text,
        null,
        false,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void remembersValidatorsAndCountsFailuresInARow() {
    assertThat(feeds.state("nejm")).isEqualTo(FeedState.NEW);

    feeds.recordSuccess(
        "nejm", "https://x.org/f", "\"e1\"", "Sat, 21 Nov 2026 08:00:00 GMT", "3 new", T0, null);
    feeds.recordFailure(
        "nejm",
        "https://x.org/f",
        "HTTP 503 from https://x.org/f",
        T0.plusSeconds(60),
        T0.plusSeconds(120));
    feeds.recordFailure(
        "nejm",
        "https://x.org/f",
        "HTTP 503 from https://x.org/f",
        T0.plusSeconds(120),
        T0.plusSeconds(240));

    FeedState state = feeds.state("nejm");
    assertThat(state.polledBefore()).isTrue();
    assertThat(state.etag()).isEqualTo("\"e1\"");
    assertThat(state.lastModified()).isEqualTo("Sat, 21 Nov 2026 08:00:00 GMT");
    assertThat(state.errorCount()).isEqualTo(2);
    assertThat(state.lastError()).isEqualTo("HTTP 503 from https://x.org/f");
    assertThat(state.lastPolledAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(state.nextPollAt()).isEqualTo(T0.plusSeconds(240));
  }

  @Test
  void theSamePaperFromTwoFeedsIsQueuedOnce() {
    assertThat(papers.record(paper("journal", "j1", "10.1/a", T0, "post a"), T0))
        .isEqualTo(Sighting.NEW);
    assertThat(papers.record(paper("pubmed", "pmid:1", "10.1/a", T0, "post a again"), T0))
        .isEqualTo(Sighting.SAME_PAPER);
    assertThat(papers.record(paper("journal", "j1", "10.1/a", T0, "post a"), T0))
        .isEqualTo(Sighting.SEEN_IN_FEED);

    assertThat(queue.items("lab")).extracting(OutboxItem::text).containsExactly("post a");
    assertThat(papers.seenInFeed("pubmed", List.of("pmid:1", "pmid:2"))).containsOnly("pmid:1");
  }

  @Test
  void aPaperRecordedWithoutTextIsSeenButNotQueued() {
    papers.record(paper("journal", "old", null, T0, null), T0);

    assertThat(papers.seenInFeed("journal", List.of("old"))).containsOnly("old");
    assertThat(queue.items("lab")).isEmpty();
  }

  @Test
  void longGuidsAndLinksAreKeptApartByTheirHash() {
    String longGuid = "https://T.cnki.net/kcms/detail?v=" + "x".repeat(600);
    papers.record(paper("cnki", longGuid + "1", null, T0, "one"), T0);
    papers.record(paper("cnki", longGuid + "2", null, T0, "two"), T0);

    assertThat(papers.seenInFeed("cnki", List.of(longGuid + "1", longGuid + "3")))
        .containsOnly(longGuid + "1");
    assertThat(queue.items("lab")).hasSize(2);
  }

  @Test
  void claimsOldestFirstAndRecordsThePost() {
    papers.record(paper("f", "new", "10.1/new", T0, "newer"), T0);
    papers.record(paper("f", "old", "10.1/old", T0.minus(Duration.ofDays(2)), "older"), T0);

    OutboxItem claimed = outbox.claimNext("lab", T0, T0.minusSeconds(300)).orElseThrow().item();
    assertThat(claimed.text()).isEqualTo("older");
    assertThat(claimed.state()).isEqualTo(OutboxState.SENDING);
    assertThat(claimed.attempts()).isEqualTo(1);
    outbox.markSent(claimed, 0, new PostRef("1234", null), T0.plusSeconds(1));

    assertThat(postLog.postTimesSince("lab", T0.minus(Duration.ofHours(24))))
        .containsExactly(T0.plusSeconds(1));
    assertThat(queue.counts("lab"))
        .containsEntry(OutboxState.POSTED, 1)
        .containsEntry(OutboxState.QUEUED, 1);
  }

  @Test
  void aPostLeftSendingIsClaimedAgainOnlyAfterItsLease() {
    papers.record(paper("f", "a", "10.1/a", T0, "a"), T0);
    outbox.claimNext("lab", T0, T0.minusSeconds(300)).orElseThrow().item();

    assertThat(outbox.claimNext("lab", T0.plusSeconds(60), T0.minusSeconds(240))).isEmpty();
    assertThat(outbox.claimNext("lab", T0.plusSeconds(600), T0.plusSeconds(300)))
        .get()
        .extracting(claim -> claim.item().attempts())
        .isEqualTo(2);
  }

  @Test
  void retryingWaitsForItsTimeAndFailedStaysFailed() {
    papers.record(paper("f", "a", "10.1/a", T0, "a"), T0);
    papers.record(paper("f", "b", "10.1/b", T0.plusSeconds(1), "b"), T0);
    OutboxItem a = outbox.claimNext("lab", T0, T0).orElseThrow().item();
    outbox.markRetrying(a, T0.plusSeconds(600), "HTTP 503", T0);
    OutboxItem b = outbox.claimNext("lab", T0, T0).orElseThrow().item();
    outbox.markFailed(b, "X answered 400: too long", T0);

    assertThat(outbox.claimNext("lab", T0.plusSeconds(10), T0)).isEmpty();
    assertThat(outbox.claimNext("lab", T0.plusSeconds(600), T0))
        .get()
        .extracting(claim -> claim.item().text())
        .isEqualTo("a");
    assertThat(queue.items("lab"))
        .filteredOn(i -> i.text().equals("b"))
        .extracting(OutboxItem::state, OutboxItem::lastError)
        .containsExactly(Tuple.tuple(OutboxState.FAILED, "X answered 400: too long"));
  }

  @Test
  void aPostADeadClusterNodeWasSendingIsTakenOverAtOnceButNotALiveNodes() throws Exception {
    papers.record(paper("f", "a", "10.1/a", T0, "a"), T0);
    papers.record(paper("f", "b", "10.1/b", T0.plusSeconds(1), "b"), T0);
    JdbcNodes nodes = new JdbcNodes(database.dataSource());
    nodes.beat("alive-node", T0.plusSeconds(10));
    nodes.beat("dead-node", T0.minusSeconds(60));
    outbox
        .claimNext("lab", T0, T0.minusSeconds(300), "dead-node", T0.minusSeconds(15))
        .orElseThrow()
        .item();
    outbox
        .claimNext("lab", T0, T0.minusSeconds(300), "alive-node", T0.minusSeconds(90))
        .orElseThrow()
        .item();

    Optional<Claim> taken =
        outbox.claimNext(
            "lab", T0.plusSeconds(12), T0.minusSeconds(300), "alive-node", T0.minusSeconds(3));

    assertThat(taken).get().extracting(claim -> claim.item().text()).isEqualTo("a");
    assertThat(taken.get().outcomeUnknown()).as("a dead node's post may be out").isTrue();
    assertThat(
            outbox.claimNext(
                "lab", T0.plusSeconds(12), T0.minusSeconds(300), "other-node", T0.minusSeconds(3)))
        .isEmpty();
  }

  @Test
  void aPostHeldForApprovalIsNeverClaimed() {
    papers.record(
        new NewPaper(
            new PaperKey("lab", PaperIdentity.parse("doi:10.1/a")),
            "f",
            "a",
            "10.1/a",
            null,
            "A",
            T0,
            "a",
            null,
            true,
            null,
            null,
            null,
            null,
            null),
        T0);

    assertThat(queue.items("lab"))
        .extracting(OutboxItem::state)
        .containsExactly(OutboxState.AWAITING_APPROVAL);
    assertThat(outbox.claimNext("lab", T0.plusSeconds(3600), T0.plusSeconds(3600))).isEmpty();
  }

  @Test
  void postsLeftSendingByADeadProcessAreUnknownAndLookedUpAtTheNextStart() {
    papers.record(paper("f", "a", "10.1/a", T0, "a"), T0);
    outbox.claimNext("lab", T0, T0).orElseThrow();

    assertThat(outbox.recoverInterrupted(T0.plusSeconds(5))).isEqualTo(1);
    assertThat(queue.rows("lab", OutboxState.UNKNOWN))
        .extracting(row -> row.item().lastError())
        .singleElement()
        .asString()
        .startsWith("outcome unknown: the process stopped while sending");

    Claim again = outbox.claimNext("lab", T0.plusSeconds(6), T0.minusSeconds(300)).orElseThrow();
    assertThat(again.item().attempts()).isEqualTo(2);
    assertThat(again.outcomeUnknown()).isTrue();
    assertThat(again.firstSentAt()).as("when it was first handed over").isEqualTo(T0);
  }

  @Test
  void anUnknownPostIsNeitherRewrittenNorDueOnceItWaitsForAMaintainer() {
    papers.record(paper("f", "a", "10.1/a", T0, "a"), T0);
    OutboxItem a = outbox.claimNext("lab", T0, T0).orElseThrow().item();
    outbox.markUnknown(a, null, "no answer", T0);

    assertThat(queue.rewrite(a.id(), "changed", null, T0)).isFalse();
    assertThat(outbox.claimNext("lab", T0.plusSeconds(3600), T0)).isEmpty();
    assertThat(outbox.earliestDue("lab", T0)).isNull();
    assertThat(queue.awaitingLook()).containsEntry("lab", 1);

    assertThat(queue.recheck(a.id(), T0.plusSeconds(10))).isTrue();
    assertThat(outbox.claimNext("lab", T0.plusSeconds(10), T0))
        .get()
        .extracting(Claim::outcomeUnknown)
        .isEqualTo(true);
  }

  @Test
  void anAccountPauseHasAKindAndEndsOnResume() {
    JdbcAccountStore accounts = new JdbcAccountStore(database.dataSource());
    accounts.pause(
        "lab", new AccountPause(T0.plusSeconds(900), AccountPause.Kind.UNAUTHORIZED, "401"));
    accounts.pause(
        "news", new AccountPause(T0.plusSeconds(900), AccountPause.Kind.RATE_LIMITED, "429"));

    assertThat(accounts.pause("lab"))
        .get()
        .extracting(AccountPause::kind)
        .isEqualTo(AccountPause.Kind.UNAUTHORIZED);
    assertThat(accounts.resumeUnauthorized()).isEqualTo(1);
    assertThat(accounts.pause("lab")).isEmpty();
    assertThat(accounts.pause("news")).isPresent();
  }

  @Test
  void aReleasedPostIsQueuedAgainWithoutCountingTheAttempt() {
    papers.record(paper("f", "a", "10.1/a", T0, "a"), T0);
    OutboxItem a = outbox.claimNext("lab", T0, T0).orElseThrow().item();

    outbox.release(a, OutboxState.QUEUED, T0.plusSeconds(900), "401 Unauthorized", T0);

    List<OutboxItem> items = queue.items("lab");
    assertThat(items)
        .extracting(OutboxItem::state, OutboxItem::attempts, OutboxItem::notBefore)
        .containsExactly(Tuple.tuple(OutboxState.QUEUED, 0, T0.plusSeconds(900)));
  }

  @Test
  void aDashboardSessionIsFoundByItsHashUntilItEndsOrIdles() {
    JdbcDashboardSessions sessions = new JdbcDashboardSessions(database.dataSource());
    sessions.open(new DashboardSession("a".repeat(64), "anna", "token-1", T0, null));
    sessions.open(new DashboardSession("b".repeat(64), "ben", "token-2", T0, null));

    sessions.touch("a".repeat(64), T0.plusSeconds(600), "approved post 7");

    assertThat(sessions.find("a".repeat(64)))
        .hasValue(
            new DashboardSession(
                "a".repeat(64), "anna", "token-1", T0.plusSeconds(600), "approved post 7"));
    assertThat(sessions.closeIdle(T0.plusSeconds(300))).isEqualTo(1);
    assertThat(sessions.find("b".repeat(64))).isEmpty();
    sessions.close("a".repeat(64));
    assertThat(sessions.find("a".repeat(64))).isEmpty();
  }

  @Test
  void wrongPasswordsCountInARowUntilAGoodOneOrUntilTheyAreOld() {
    JdbcDashboardSessions sessions = new JdbcDashboardSessions(database.dataSource());
    Instant since = T0.minus(Duration.ofMinutes(15));

    assertThat(sessions.failedLogin("user:anna", T0, since)).isEqualTo(1);
    assertThat(sessions.failedLogin("user:anna", T0.plusSeconds(1), since)).isEqualTo(2);
    assertThat(sessions.failedLogin("address:127.0.0.1", T0, since)).isEqualTo(1);
    assertThat(sessions.failedLogins("user:anna", since))
        .hasValue(new DashboardSessions.FailedLogins(2, T0.plusSeconds(1)));

    sessions.loggedIn("user:anna");
    assertThat(sessions.failedLogins("user:anna", since)).isEmpty();
    // Fifteen minutes on, the address's failure is forgotten: the next is the first in a row.
    Instant later = T0.plus(Duration.ofMinutes(20));
    assertThat(sessions.failedLogins("address:127.0.0.1", later.minus(Duration.ofMinutes(15))))
        .isEmpty();
    assertThat(
            sessions.failedLogin("address:127.0.0.1", later, later.minus(Duration.ofMinutes(15))))
        .isEqualTo(1);
  }

  @Test
  void anEntryNoAccountCouldTakeIsListedWithWhyUntilAPollRecordsIt() {
    JdbcFeedEntries entries = new JdbcFeedEntries(database.dataSource());
    LeftEntry left = new LeftEntry("lab", "g1", "A title", null, "cannot compose a post: too long");

    papers.recordAll("nejm", List.of(), List.of(left), T0);
    assertThat(entries.recent("nejm", 10))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.recorded()).isFalse();
              assertThat(entry.left())
                  .containsExactly(
                      new RecordedEntry.Left("lab", "cannot compose a post: too long"));
            });
    // Judged again and left again: still one row.
    papers.recordAll("nejm", List.of(), List.of(left), T0.plusSeconds(60));
    assertThat(entries.recent("nejm", 10)).hasSize(1);

    papers.recordAll(
        "nejm",
        List.of(paper("nejm", "g1", "10.1/g1", T0, "post g1")),
        List.of(),
        T0.plusSeconds(120));
    assertThat(entries.recent("nejm", 10))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.recorded()).isTrue();
              assertThat(entry.left()).isEmpty();
              assertThat(entry.accounts())
                  .extracting(RecordedEntry.ForAccount::state)
                  .containsExactly(OutboxState.QUEUED);
            });
  }
}

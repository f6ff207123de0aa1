package org.paperboy.platform.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.model.SendFailure;
import org.paperboy.model.Session;
import org.paperboy.publish.PublishException;

/**
 * An account's Bluesky session: logging in is limited to 30 a 5 minutes and 300 a day, and a
 * refresh token serves once, so Paperboy logs in once, refreshes when the access token expires,
 * keeps the newest pair in the database, and carries it across restarts and cluster nodes. The
 * fake's refresh tokens are single-use here (no grace period), so a client that ever reuses one
 * shows at once: it is refused, and the client logs in again.
 */
class BlueskySessionTest {

  @TempDir Path dir;
  private TestAccount lab;

  @BeforeEach
  void start() throws Exception {
    lab = new TestAccount(dir);
    lab.pds.refreshGrace(Duration.ZERO);
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  @Test
  void logsInOnceAndPostsWithThatSessionUntilItExpires() throws Exception {
    BlueskyPublisher publisher = lab.publisher();

    for (int i = 0; i < 5; i++) {
      publisher.publish(lab.queue("Paper " + i));
    }

    assertThat(lab.pds.records()).hasSize(5);
    assertThat(lab.pds.createSessionCalls()).isEqualTo(1);
    assertThat(lab.pds.refreshCalls()).isZero();
    assertThat(lab.sessions().load("lab")).map(Session::did).hasValue(lab.pds.did());
  }

  @Test
  void anExpiredAccessTokenIsRefreshedAndTheNewPairStored() throws Exception {
    BlueskyPublisher publisher = lab.publisher();
    publisher.publish(lab.queue("Before"));
    Session first = lab.sessions().load("lab").orElseThrow();

    lab.pds.expireAccessTokens();
    publisher.publish(lab.queue("After"));

    Session renewed = lab.sessions().load("lab").orElseThrow();
    assertThat(lab.pds.records()).hasSize(2);
    assertThat(lab.pds.createSessionCalls()).isEqualTo(1);
    assertThat(lab.pds.refreshes()).isEqualTo(1);
    assertThat(renewed.refreshJwt()).isNotEqualTo(first.refreshJwt());
    assertThat(renewed.accessJwt()).isNotEqualTo(first.accessJwt());
  }

  @Test
  void everyExpiryIsARefreshAndTheProcessLogsInOnlyOnce() throws Exception {
    BlueskyPublisher publisher = lab.publisher();

    for (int i = 0; i < 10; i++) {
      publisher.publish(lab.queue("Paper " + i));
      lab.pds.expireAccessTokens();
      lab.clock.advance(Duration.ofMinutes(30));
    }

    assertThat(lab.pds.records()).hasSize(10);
    assertThat(lab.pds.createSessionCalls()).isEqualTo(1);
    assertThat(lab.pds.refreshCalls()).isEqualTo(9);
  }

  @Test
  void theSessionSurvivesARestart() throws Exception {
    lab.publisher().publish(lab.queue("Before the restart"));

    lab.restart();
    lab.publisher().publish(lab.queue("After the restart"));
    lab.restart();
    lab.pds.expireAccessTokens();
    lab.publisher().publish(lab.queue("After another, its token expired"));
    lab.restart();
    lab.pds.expireAccessTokens();
    lab.publisher().publish(lab.queue("After a third, the refreshed pair expired"));

    assertThat(lab.pds.records()).hasSize(4);
    assertThat(lab.pds.createSessionCalls()).isEqualTo(1);
    assertThat(lab.pds.refreshes()).isEqualTo(2);
  }

  @Test
  void twoNodesSharingTheDatabaseTakeTurnsAndNeverLockEachOtherOut() throws Exception {
    BlueskyPublisher one = lab.publisher();
    BlueskyPublisher two = lab.publisher();
    one.publish(lab.queue("One logs in"));
    two.publish(lab.queue("Two takes the stored session"));

    lab.pds.expireAccessTokens();
    one.publish(lab.queue("One refreshes"));
    two.publish(lab.queue("Two takes the refreshed pair"));
    lab.pds.expireAccessTokens();
    two.publish(lab.queue("Two refreshes"));
    one.publish(lab.queue("One takes the refreshed pair"));

    assertThat(lab.pds.records()).hasSize(6);
    assertThat(lab.pds.createSessionCalls()).isEqualTo(1);
    assertThat(lab.pds.refreshCalls()).isEqualTo(2);
  }

  @Test
  void aNodeWhoseStoredPairExpiredTooRefreshesIt() throws Exception {
    BlueskyPublisher one = lab.publisher();
    BlueskyPublisher two = lab.publisher();
    one.publish(lab.queue("One logs in"));
    two.publish(lab.queue("Two takes the stored session"));
    lab.pds.expireAccessTokens();
    one.publish(lab.queue("One refreshes"));

    // Two hours on, the pair one stored has expired as well: two takes it, and must refresh it.
    lab.pds.expireAccessTokens();
    two.publish(lab.queue("Two, long after"));

    assertThat(lab.pds.records()).hasSize(4);
    assertThat(lab.pds.createSessionCalls()).isEqualTo(1);
    assertThat(lab.pds.refreshes()).isEqualTo(2);
  }

  @Test
  void nodesPostingAtOnceThroughExpiriesAllPostAndLogInOnce() throws Exception {
    // A PDS's refresh tokens stay usable for 2 hours after their use, so two nodes refreshing
    // the same pair at the same moment both succeed; both store what they got.
    lab.pds.refreshGrace(Duration.ofHours(2));
    List<BlueskyPublisher> nodes = List.of(lab.publisher(), lab.publisher(), lab.publisher());
    nodes.get(0).publish(lab.queue("The first"));
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      for (int round = 0; round < 10; round++) {
        lab.pds.expireAccessTokens();
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          BlueskyPublisher node = nodes.get(i % nodes.size());
          var message = lab.queue("Round " + round + " post " + i);
          sends.add(threads.submit(() -> node.publish(message)));
        }
        for (Future<?> send : sends) {
          send.get();
        }
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(lab.pds.records()).hasSize(61);
    assertThat(lab.pds.createSessionCalls()).isEqualTo(1);
  }

  @Test
  void aRefreshTokenPastItsNinetyDaysIsRefusedAndTheAccountLogsInAgain() throws Exception {
    BlueskyPublisher publisher = lab.publisher();
    publisher.publish(lab.queue("In June"));

    lab.clock.advance(Duration.ofDays(91));
    publisher.publish(lab.queue("In September"));

    assertThat(lab.pds.records()).hasSize(2);
    assertThat(lab.pds.refreshCalls()).isEqualTo(1);
    assertThat(lab.pds.refreshes()).isZero();
    assertThat(lab.pds.sessionsCreated()).isEqualTo(2);
  }

  @Test
  void aWrongAppPasswordIsUnauthorizedNamesTheAccountAndIsNeverPrintedOrKept() {
    BlueskyPublisher publisher = lab.publisher(TestAccount.HANDLE, "wrong-pass-word-0451", "en");

    assertThatThrownBy(() -> publisher.publish(lab.queue("Never posted")))
        .isInstanceOfSatisfying(
            PublishException.class,
            e -> assertThat(e.failure()).isEqualTo(SendFailure.UNAUTHORIZED))
        .hasMessageContaining("account lab on Bluesky")
        .hasMessageContaining("AuthenticationRequired")
        .hasMessageContaining("logging in as " + TestAccount.HANDLE)
        .hasMessageNotContaining("wrong-pass-word-0451");
    assertThat(lab.sessions().load("lab")).isEmpty();
    assertThat(lab.pds.records()).isEmpty();
  }
}

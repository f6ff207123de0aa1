package org.paperboy.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.paperboy.model.AccountPause;
import org.paperboy.model.OutboxItem;
import org.paperboy.publish.Message;
import org.paperboy.publish.PublishException;
import org.paperboy.publish.Publisher;
import org.paperboy.queue.Backoff;
import org.paperboy.queue.Pacing;
import org.paperboy.store.JdbcAccountStore;
import org.paperboy.store.JdbcOutbox;
import org.paperboy.store.JdbcPostLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sends an account's due posts, as many as its pacing allows now: claim (committed as sending),
 * publish, record. What each failure does:
 *
 * <ul>
 *   <li>duplicate content: the post exists; recorded as posted.
 *   <li>rate limited: the whole account pauses until the limit resets; the post stays queued.
 *   <li>credentials refused: the whole account pauses and says so once; its queue stays intact and
 *       is tried again every few minutes, and at once after a restart.
 *   <li>server error, timeout, lost connection: retried with backoff, then failed with the last
 *       error. A send whose answer never came may have posted; the resend settles it (X answers
 *       "duplicate"), so nothing is posted twice.
 *   <li>refused for good (400): failed, with the platform's own message.
 * </ul>
 *
 * Thread-safe; one dispatch per account at a time.
 */
public final class PostDispatcher {

  private static final Logger log = LoggerFactory.getLogger(PostDispatcher.class);
  // A post still "sending" after this long was left by a process that died mid-send.
  static final Duration SENDING_LEASE = Duration.ofMinutes(5);
  // Refused credentials are tried again this often, to notice a fix without a restart.
  private static final Duration UNAUTHORIZED_PAUSE = Duration.ofMinutes(15);
  // X sends x-rate-limit-reset with every 429; this is for an answer without it.
  private static final Duration RATE_LIMIT_PAUSE = Duration.ofMinutes(15);

  private final Map<String, Pacing> pacing;
  private final Map<String, Publisher> publishers;
  private final Map<String, Backoff> backoffs;
  private final JdbcOutbox outbox;
  private final JdbcPostLog postLog;
  private final JdbcAccountStore accounts;
  private final Clock clock;
  private final Events events;
  private final Supplier<String> node;
  private final Duration nodeSilence;

  /**
   * @param pacing each account's pacing, by account id
   * @param publishers each account's publisher, by account id
   * @param backoffs each account's retry backoff, by account id
   * @param node this cluster node's id, or a supplier of {@code null} outside a cluster
   * @param nodeSilence how long a cluster node may be silent before it counts as dead, and the
   *     posts it was sending are taken over
   */
  public PostDispatcher(
      Map<String, Pacing> pacing,
      Map<String, Publisher> publishers,
      Map<String, Backoff> backoffs,
      JdbcOutbox outbox,
      JdbcPostLog postLog,
      JdbcAccountStore accounts,
      Clock clock,
      Events events,
      Supplier<String> node,
      Duration nodeSilence) {
    this.postLog = postLog;
    this.nodeSilence = nodeSilence;
    this.events = events;
    this.node = node;
    this.pacing = Map.copyOf(pacing);
    this.publishers = Map.copyOf(publishers);
    this.backoffs = Map.copyOf(backoffs);
    this.outbox = outbox;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Sends what {@code accountId} may send now. */
  public DispatchReport dispatch(String accountId) {
    MDC.put("account", accountId);
    try {
      return dispatchNow(accountId);
    } finally {
      MDC.remove("account");
    }
  }

  private DispatchReport dispatchNow(String accountId) {
    Pacing rules = require(pacing, accountId);
    Publisher publisher = require(publishers, accountId);
    Optional<AccountPause> pause = accounts.pause(accountId);
    if (pause.isPresent() && pause.get().until().isAfter(clock.instant())) {
      // A rate limit is X's pacing, not a problem; refused credentials are.
      String problem =
          pause.get().kind() == AccountPause.Kind.UNAUTHORIZED ? pause.get().reason() : null;
      return new DispatchReport(accountId, 0, 0, 0, pause.get().until(), problem);
    }
    int posted = 0;
    int failed = 0;
    while (true) {
      Instant now = clock.instant();
      Instant next =
          rules.nextAllowed(postLog.postTimesSince(accountId, Pacing.windowStart(now)), now);
      if (next.isAfter(now)) {
        return new DispatchReport(accountId, posted, failed, 0, next, null);
      }
      Optional<OutboxItem> claimed =
          outbox.claimNext(
              accountId, now, now.minus(SENDING_LEASE), node.get(), now.minus(nodeSilence));
      if (claimed.isEmpty()) {
        return new DispatchReport(accountId, posted, failed, 0, null, null);
      }
      OutboxItem item = claimed.get();
      try {
        send(publisher, item);
        events.posted(accountId);
        posted++;
        pause.ifPresent(p -> accounts.resume(accountId));
        pause = Optional.empty();
      } catch (PublishException e) {
        switch (settle(item, e)) {
          case POSTED -> posted++;
          case FAILED -> {
            events.postFailed(accountId);
            failed++;
          }
          case RETRYING -> {
            // The platform is unwell: the next posts would fare no better this round.
            return new DispatchReport(accountId, posted, failed, 1, null, e.getMessage());
          }
          case PAUSED -> {
            Instant until = accounts.pause(accountId).orElseThrow().until();
            String problem = e.kind() == PublishException.Kind.RATE_LIMITED ? null : e.getMessage();
            return new DispatchReport(accountId, posted, failed, 0, until, problem);
          }
        }
      }
    }
  }

  /**
   * Sends the parts of {@code item} not yet posted (a resumed thread sends only its reply) and
   * records each as it goes.
   */
  private void send(Publisher publisher, OutboxItem item) throws PublishException {
    Map<Integer, String> sent = outbox.sentParts(item);
    String first = sent.get(0);
    if (!sent.containsKey(0)) {
      first = publisher.publish(new Message(item.accountId(), item.feedId(), item.text(), null));
      outbox.markSent(item, 0, first, clock.instant());
      log.info("account {}: posted {} from feed {}", item.accountId(), first, item.feedId());
    }
    if (item.replyText() == null || sent.containsKey(1)) {
      return;
    }
    if (first == null) {
      outbox.markPostedWithoutReply(item, clock.instant());
      log.warn(
          "account {}: post {} has no reply: its first post's id is unknown",
          item.accountId(),
          item.id());
      return;
    }
    String reply =
        publisher.publish(new Message(item.accountId(), item.feedId(), item.replyText(), first));
    outbox.markSent(item, 1, reply, clock.instant());
    log.info("account {}: posted reply {} to {}", item.accountId(), reply, first);
  }

  private enum Outcome {
    POSTED,
    FAILED,
    RETRYING,
    PAUSED
  }

  private Outcome settle(OutboxItem item, PublishException e) {
    Instant now = clock.instant();
    String accountId = item.accountId();
    switch (e.kind()) {
      case DUPLICATE -> {
        // The text is already on the account: a resend after an unknown outcome, or a crash
        // between sending and recording. Either way the post exists.
        boolean firstSent = outbox.sentParts(item).containsKey(0);
        if (!firstSent && item.replyText() != null) {
          outbox.markSent(item, 0, null, now);
          outbox.markPostedWithoutReply(item, now);
        } else {
          outbox.markSent(item, firstSent ? 1 : 0, null, now);
        }
        log.info(
            "account {}: post {} was already posted ({})", accountId, item.id(), e.getMessage());
        return Outcome.POSTED;
      }
      case RATE_LIMITED -> {
        Instant until =
            e.retryAt() != null && e.retryAt().isAfter(now)
                ? e.retryAt()
                : now.plus(RATE_LIMIT_PAUSE);
        outbox.release(item, null, e.getMessage(), now);
        accounts.pause(
            accountId, new AccountPause(until, AccountPause.Kind.RATE_LIMITED, e.getMessage()));
        log.warn("{}; account {} pauses until {}", e.getMessage(), accountId, until);
        return Outcome.PAUSED;
      }
      case UNAUTHORIZED -> {
        boolean already =
            accounts
                .pause(accountId)
                .map(p -> p.kind() == AccountPause.Kind.UNAUTHORIZED)
                .orElse(false);
        outbox.release(item, null, e.getMessage(), now);
        accounts.pause(
            accountId,
            new AccountPause(
                now.plus(UNAUTHORIZED_PAUSE), AccountPause.Kind.UNAUTHORIZED, e.getMessage()));
        if (already) {
          log.info(
              "account {}: credentials still refused; trying again in {}",
              accountId,
              UNAUTHORIZED_PAUSE);
        } else {
          log.error(
              "{}; account {} is paused, its queue kept, until its credentials work",
              e.getMessage(),
              accountId);
        }
        return Outcome.PAUSED;
      }
      case REJECTED -> {
        outbox.markFailed(item, e.getMessage(), now);
        log.error("{}; post {} failed", e.getMessage(), item.id());
        return Outcome.FAILED;
      }
      case TRANSIENT, AMBIGUOUS -> {
        Backoff backoff = require(backoffs, accountId);
        if (!backoff.mayRetry(item.attempts())) {
          outbox.markFailed(item, e.getMessage(), now);
          log.error(
              "{}; post {} failed after {} attempts", e.getMessage(), item.id(), item.attempts());
          return Outcome.FAILED;
        }
        Instant retryAt = now.plus(backoff.delay(item.attempts()));
        outbox.markRetrying(item, retryAt, e.getMessage(), now);
        log.warn("{}; post {} will be tried again at {}", e.getMessage(), item.id(), retryAt);
        return Outcome.RETRYING;
      }
    }
    throw new IllegalStateException("unhandled publish failure: " + e.kind());
  }

  private static <T> T require(Map<String, T> byAccount, String accountId) {
    T value = byAccount.get(accountId);
    if (value == null) {
      throw new IllegalArgumentException("no such account: " + accountId);
    }
    return value;
  }
}

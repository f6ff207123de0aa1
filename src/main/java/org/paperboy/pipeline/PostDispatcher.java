package org.paperboy.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.paperboy.model.OutboxItem;
import org.paperboy.publish.Message;
import org.paperboy.publish.PublishException;
import org.paperboy.publish.Publisher;
import org.paperboy.queue.Backoff;
import org.paperboy.queue.Pacing;
import org.paperboy.store.JdbcOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an account's due posts, as many as its pacing allows now: claim (committed as sending),
 * publish, record. A post whose outcome is unknown (no answer after sending) is sent again later;
 * the platform's "duplicate" answer then settles it as posted, so nothing is posted twice.
 * Thread-safe; one dispatch per account at a time.
 */
public final class PostDispatcher {

  private static final Logger log = LoggerFactory.getLogger(PostDispatcher.class);
  // A post still "sending" after this long was left by a process that died mid-send.
  static final Duration SENDING_LEASE = Duration.ofMinutes(5);
  // Refused credentials are not retried in a tight loop: a maintainer has to act.
  private static final Duration UNAUTHORIZED_PAUSE = Duration.ofMinutes(15);

  private final Map<String, Pacing> pacing;
  private final Map<String, Publisher> publishers;
  private final JdbcOutbox outbox;
  private final Backoff backoff;
  private final Clock clock;

  /**
   * @param pacing each account's pacing, by account id
   * @param publishers each account's publisher, by account id
   */
  public PostDispatcher(
      Map<String, Pacing> pacing,
      Map<String, Publisher> publishers,
      JdbcOutbox outbox,
      Backoff backoff,
      Clock clock) {
    this.pacing = Map.copyOf(pacing);
    this.publishers = Map.copyOf(publishers);
    this.outbox = outbox;
    this.backoff = backoff;
    this.clock = clock;
  }

  /** Sends what {@code accountId} may send now. */
  public DispatchReport dispatch(String accountId) {
    Pacing rules = require(pacing, accountId);
    Publisher publisher = require(publishers, accountId);
    int posted = 0;
    int failed = 0;
    int retrying = 0;
    while (true) {
      Instant now = clock.instant();
      Instant next =
          rules.nextAllowed(outbox.postTimesSince(accountId, Pacing.windowStart(now)), now);
      if (next.isAfter(now)) {
        return new DispatchReport(accountId, posted, failed, retrying, next, null);
      }
      Optional<OutboxItem> claimed = outbox.claimNext(accountId, now, now.minus(SENDING_LEASE));
      if (claimed.isEmpty()) {
        return new DispatchReport(accountId, posted, failed, retrying, null, null);
      }
      OutboxItem item = claimed.get();
      try {
        send(publisher, item);
        posted++;
      } catch (PublishException e) {
        Outcome outcome = settle(item, e);
        switch (outcome) {
          case POSTED -> posted++;
          case FAILED -> failed++;
          case RETRYING -> {
            // The platform is unwell: the next posts would fare no better this round.
            return new DispatchReport(
                accountId, posted, failed, retrying + 1, null, e.getMessage());
          }
          case STOP -> {
            String problem = e.kind() == PublishException.Kind.RATE_LIMITED ? null : e.getMessage();
            return new DispatchReport(accountId, posted, failed, retrying, e.retryAt(), problem);
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
    if (item.replyText() != null && !sent.containsKey(1)) {
      String reply =
          publisher.publish(new Message(item.accountId(), item.feedId(), item.replyText(), first));
      outbox.markSent(item, 1, reply, clock.instant());
      log.info("account {}: posted reply {} to {}", item.accountId(), reply, first);
    }
  }

  private enum Outcome {
    POSTED,
    FAILED,
    RETRYING,
    STOP
  }

  private Outcome settle(OutboxItem item, PublishException e) {
    Instant now = clock.instant();
    switch (e.kind()) {
      case DUPLICATE -> {
        // The text is already on the account: a resend after an unknown outcome, or a crash
        // between sending and recording. Either way the post exists.
        // The part that was refused is the first one not yet recorded.
        outbox.markSent(item, outbox.sentParts(item).containsKey(0) ? 1 : 0, null, now);
        log.info(
            "account {}: post {} was already posted ({})",
            item.accountId(),
            item.id(),
            e.getMessage());
        return Outcome.POSTED;
      }
      case RATE_LIMITED -> {
        Instant until =
            e.retryAt() != null && e.retryAt().isAfter(now)
                ? e.retryAt()
                : now.plus(Duration.ofMinutes(15));
        outbox.release(item, until, e.getMessage(), now);
        log.warn("{}; pausing the account until {}", e.getMessage(), until);
        return Outcome.STOP;
      }
      case UNAUTHORIZED -> {
        outbox.release(item, now.plus(UNAUTHORIZED_PAUSE), e.getMessage(), now);
        log.error("{}; its queue is kept until the credentials work", e.getMessage());
        return Outcome.STOP;
      }
      case REJECTED -> {
        outbox.markFailed(item, e.getMessage(), now);
        log.error("{}; post {} failed", e.getMessage(), item.id());
        return Outcome.FAILED;
      }
      case TRANSIENT, AMBIGUOUS -> {
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

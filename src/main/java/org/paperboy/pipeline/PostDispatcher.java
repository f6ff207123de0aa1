package org.paperboy.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.paperboy.model.AccountPause;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.model.TextRules;
import org.paperboy.picture.PictureFitter;
import org.paperboy.publish.Publisher;
import org.paperboy.queue.Pacing;
import org.paperboy.queue.Settlement;
import org.paperboy.queue.Spending;
import org.paperboy.store.Claim;
import org.paperboy.store.JdbcAccountStore;
import org.paperboy.store.JdbcOutbox;
import org.paperboy.store.JdbcPictures;
import org.paperboy.store.JdbcPostLog;
import org.paperboy.store.JdbcSpend;
import org.paperboy.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sends an account's due posts, as many as its pacing allows now: claim (committed as sending),
 * deliver (see {@link Delivery}), record. What each failure leads to is the queue's {@link
 * Settlement}; a send whose answer never came leaves the post unknown, looked up on the platform
 * (or, where the platform answers a repeated key with the post it made, repeated) before it is ever
 * sent as new again. Thread-safe; one dispatch per account at a time.
 */
public final class PostDispatcher {

  private static final Logger log = LoggerFactory.getLogger(PostDispatcher.class);
  // A post still "sending" after this long was left by a process that died mid-send.
  static final Duration SENDING_LEASE = Duration.ofMinutes(5);
  // How long a failed post keeps its picture, for a maintainer's "queue retry".
  static final Duration FAILED_KEEP_PICTURE = Duration.ofDays(30);

  /**
   * An account's rules.
   *
   * @param pacing how fast it may post
   * @param publisher where its posts go
   * @param settlement what follows each failure
   * @param rules its platform's text rules, which tell a post with a link
   * @param spending its budget, or {@code null} for none
   */
  public record Account(
      Pacing pacing,
      Publisher publisher,
      Settlement settlement,
      TextRules rules,
      Spending spending) {}

  private final Map<String, Account> accounts;
  private final JdbcOutbox outbox;
  private final JdbcPostLog postLog;
  private final JdbcAccountStore pauses;
  private final BudgetGate budget;
  private final Delivery delivery;
  private final JdbcPictures pictures;
  private final Clock clock;
  private final Events events;
  private final Supplier<String> node;
  private final Duration nodeSilence;
  private final BooleanSupplier stopping;

  /**
   * @param accounts each account's rules, by account id
   * @param node this cluster node's id, or a supplier of {@code null} outside a cluster
   * @param nodeSilence how long a cluster node may be silent before it counts as dead, and the
   *     posts it was sending are taken over
   * @param stopping true once the service is stopping: no further post is claimed
   */
  public PostDispatcher(
      Map<String, Account> accounts,
      JdbcOutbox outbox,
      JdbcPostLog postLog,
      JdbcAccountStore pauses,
      JdbcSpend spend,
      JdbcPictures pictures,
      Clock clock,
      Events events,
      Supplier<String> node,
      Duration nodeSilence,
      BooleanSupplier stopping) {
    this.accounts = Map.copyOf(accounts);
    this.outbox = outbox;
    this.postLog = postLog;
    this.pauses = pauses;
    this.budget = new BudgetGate(outbox, spend, clock);
    this.delivery = new Delivery(outbox, spend, pictures, new PictureFitter(), clock);
    this.pictures = pictures;
    this.clock = clock;
    this.events = events;
    this.node = node;
    this.nodeSilence = nodeSilence;
    this.stopping = stopping;
  }

  /** Sends what {@code accountId} may send now. */
  public DispatchReport dispatch(String accountId) {
    MDC.put("account", accountId);
    try {
      DispatchReport report = dispatchNow(accountId);
      if (report.posted() + report.failed() > 0) {
        forgetPictures();
      }
      // Woken when something falls due, but not before what held the account back this time.
      Instant due = outbox.earliestDue(accountId, clock.instant());
      return report.wakingAt(due == null ? null : later(due, report.nextAllowed()));
    } finally {
      MDC.remove("account");
    }
  }

  /**
   * Forgets the pictures of posts now posted or long failed, unless another post still needs one.
   * Housekeeping: when it fails, the posts made stand and the account is still woken.
   */
  private void forgetPictures() {
    try {
      pictures.forgetUnneeded(clock.instant().minus(FAILED_KEEP_PICTURE));
    } catch (StoreException e) {
      log.warn("pictures no post needs are kept for now: {}", e.getMessage());
    }
  }

  private DispatchReport dispatchNow(String accountId) {
    Account account = accounts.get(accountId);
    if (account == null) {
      throw new IllegalArgumentException("no such account: " + accountId);
    }
    Optional<AccountPause> pause = pauses.pause(accountId);
    if (pause.isPresent() && pause.get().until().isAfter(clock.instant())) {
      // A rate limit is the platform's pacing, not a problem; refused credentials are.
      String problem =
          pause.get().kind() == AccountPause.Kind.UNAUTHORIZED ? pause.get().reason() : null;
      return new DispatchReport(accountId, 0, 0, 0, pause.get().until(), problem, null);
    }
    int posted = 0;
    int failed = 0;
    while (!stopping.getAsBoolean()) {
      Instant now = clock.instant();
      Instant next =
          account
              .pacing()
              .nextAllowed(postLog.postTimesSince(accountId, Pacing.windowStart(now)), now);
      if (next.isAfter(now)) {
        return new DispatchReport(accountId, posted, failed, 0, next, null, null);
      }
      Optional<Claim> claimed =
          outbox.claimNext(
              accountId, now, now.minus(SENDING_LEASE), node.get(), now.minus(nodeSilence));
      if (claimed.isEmpty()) {
        break;
      }
      Claim claim = claimed.get();
      if (budget.holdsBack(accountId, account, claim)) {
        // It waits for the next cycle; a cheaper post behind it may still fit.
        continue;
      }
      Optional<Delivery.Stopped> stopped = delivery.deliver(account, claim);
      if (stopped.isEmpty()) {
        events.posted(accountId);
        posted++;
        if (pause.isPresent()) {
          pauses.resume(accountId);
          pause = Optional.empty();
        }
        continue;
      }
      Delivery.Stopped stop = stopped.get();
      Settlement.Step step = step(account.settlement(), claim.item(), stop);
      if (step instanceof Settlement.Posted) {
        settleAsDuplicate(claim.item(), stop);
        posted++;
      } else if (step instanceof Settlement.Fail) {
        outbox.markFailed(claim.item(), stop.failure().getMessage(), clock.instant());
        log.error(
            "{}; post {} failed after {} attempts",
            stop.failure().getMessage(),
            claim.item().id(),
            claim.item().attempts());
        events.postFailed(accountId);
        failed++;
      } else if (step instanceof Settlement.Retry retry) {
        retry(claim.item(), retry, stop);
        // The platform is unwell: the next posts would fare no better before this one's retry.
        return new DispatchReport(
            accountId, posted, failed, 1, retry.at(), stop.failure().getMessage(), null);
      } else if (step instanceof Settlement.AwaitMaintainer) {
        outbox.markUnknown(claim.item(), null, stop.failure().getMessage(), clock.instant());
        log.error(
            "{}; post {} may be on the platform and its retries are spent: look for it there,"
                + " then drop it if it is there or retry it (paperboy queue retry {})",
            stop.failure().getMessage(),
            claim.item().id(),
            claim.item().id());
      } else if (step instanceof Settlement.PauseAccount paused) {
        return pauseAccount(accountId, claim.item(), paused, stop, posted, failed);
      } else {
        throw new IllegalStateException("no failure means " + step);
      }
    }
    return new DispatchReport(accountId, posted, failed, 0, null, null, null);
  }

  private Settlement.Step step(Settlement settlement, OutboxItem item, Delivery.Stopped stop) {
    Instant now = clock.instant();
    return stop.looking()
        ? settlement.afterFailedLookup(
            stop.failure().failure(), item.attempts(), now, stop.failure().retryAt())
        : settlement.afterSend(
            stop.failure().failure(), item.attempts(), now, stop.failure().retryAt());
  }

  /**
   * The platform says the text is on the account already: the post exists, though its id was not
   * given. A thread's reply cannot answer a post whose id is unknown.
   */
  private void settleAsDuplicate(OutboxItem item, Delivery.Stopped stop) {
    Instant now = clock.instant();
    boolean firstSent = outbox.sentParts(item).containsKey(0);
    outbox.markSent(item, firstSent ? 1 : 0, null, now);
    if (!firstSent && item.replyText() != null) {
      outbox.markPostedWithoutReply(item, now);
    }
    log.info(
        "account {}: post {} was already posted ({})",
        item.accountId(),
        item.id(),
        stop.failure().getMessage());
  }

  private void retry(OutboxItem item, Settlement.Retry retry, Delivery.Stopped stop) {
    String reason = stop.failure().getMessage();
    Instant now = clock.instant();
    if (retry.state() == OutboxState.UNKNOWN) {
      outbox.markUnknown(item, retry.at(), reason, now);
      log.warn(
          "{}; post {} may be on the platform: it is looked up at {} before it is sent again",
          reason,
          item.id(),
          retry.at());
    } else {
      outbox.markRetrying(item, retry.at(), reason, now);
      log.warn("{}; post {} will be tried again at {}", reason, item.id(), retry.at());
    }
  }

  private DispatchReport pauseAccount(
      String accountId,
      OutboxItem item,
      Settlement.PauseAccount paused,
      Delivery.Stopped stop,
      int posted,
      int failed) {
    String reason = stop.failure().getMessage();
    Instant now = clock.instant();
    boolean already = pauses.pause(accountId).map(p -> p.kind() == paused.kind()).orElse(false);
    // Put back untried; a post whose outcome is still unknown stays so, to be looked up first.
    outbox.release(
        item,
        stop.stillUnknown() ? OutboxState.UNKNOWN : OutboxState.QUEUED,
        stop.stillUnknown() ? paused.until() : null,
        reason,
        now);
    pauses.pause(accountId, new AccountPause(paused.until(), paused.kind(), reason));
    if (paused.kind() == AccountPause.Kind.RATE_LIMITED) {
      log.warn("{}; account {} pauses until {}", reason, accountId, paused.until());
      return new DispatchReport(accountId, posted, failed, 0, paused.until(), null, null);
    }
    if (already) {
      log.info(
          "account {}: credentials still refused; trying again at {}", accountId, paused.until());
    } else {
      log.error(
          "{}; account {} is paused, its queue kept, until its credentials work",
          reason,
          accountId);
    }
    return new DispatchReport(accountId, posted, failed, 0, paused.until(), reason, null);
  }

  private static Instant later(Instant a, Instant b) {
    return b == null || a.isAfter(b) ? a : b;
  }
}

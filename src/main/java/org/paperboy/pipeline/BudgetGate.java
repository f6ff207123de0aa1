package org.paperboy.pipeline;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.queue.Spending;
import org.paperboy.store.Claim;
import org.paperboy.store.JdbcOutbox;
import org.paperboy.store.JdbcSpend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back a post that would cost more than what is left of its account's budget: it goes back to
 * the queue until the next billing cycle, saying so. Other accounts are unaffected. Thread-safe.
 */
final class BudgetGate {

  private static final Logger log = LoggerFactory.getLogger(BudgetGate.class);

  private final JdbcOutbox outbox;
  private final JdbcSpend spend;
  private final Clock clock;

  BudgetGate(JdbcOutbox outbox, JdbcSpend spend, Clock clock) {
    this.outbox = outbox;
    this.spend = spend;
    this.clock = clock;
  }

  /**
   * True when {@code claim} was released to wait for the next billing cycle. A post whose outcome
   * is unknown is never held back: it may be on the platform, billed already.
   */
  boolean holdsBack(String accountId, PostDispatcher.Account account, Claim claim) {
    Spending spending = account.spending();
    if (spending == null || claim.outcomeUnknown()) {
      return false;
    }
    Instant now = clock.instant();
    OutboxItem item = claim.item();
    BigDecimal price = BigDecimal.ZERO;
    if (!outbox.sentParts(item).containsKey(0)) {
      price =
          price.add(
              spending.price(
                  account.rules().holdsLink(item.text()), claim.pictureId() == null ? 0 : 1));
    }
    if (item.replyText() != null) {
      price = price.add(spending.price(account.rules().holdsLink(item.replyText()), 0));
    }
    BigDecimal spent = spend.since(accountId, spending.cycleStart(now));
    if (spending.fits(spent, price)) {
      return false;
    }
    Instant next = spending.nextCycle(now);
    String reason =
        "waits for the next billing cycle ("
            + next
            + "): it costs "
            + Spending.dollars(price)
            + " and "
            + Spending.dollars(spent)
            + " of the budget's "
            + Spending.dollars(spending.budget().perMonth())
            + " is spent";
    outbox.release(item, OutboxState.QUEUED, next, reason, now);
    log.info("account {}: post {} {}", accountId, item.id(), reason);
    return true;
  }
}

package org.paperboy.queue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.paperboy.model.Budget;

/**
 * An account's budget as a rule: what a post costs, when the billing cycle in force began and when
 * the next begins (on the budget's day of the month, at midnight UTC), and whether a post still
 * fits. Money is decimal throughout. Immutable.
 *
 * @param budget what the account may spend, and the platform's prices
 */
public record Spending(Budget budget) {

  public Spending {
    Objects.requireNonNull(budget, "budget");
  }

  /** What a post costs: more with a link, and more for each picture's alt text. */
  public BigDecimal price(boolean withLink, int pictures) {
    BigDecimal post = withLink ? budget.perPostWithLink() : budget.perPost();
    return post.add(budget.perMedia().multiply(BigDecimal.valueOf(pictures)));
  }

  /** When the billing cycle that holds {@code now} began. */
  public Instant cycleStart(Instant now) {
    LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate start = today.withDayOfMonth(budget.cycleStartsOn());
    if (start.isAfter(today)) {
      start = start.minusMonths(1);
    }
    return start.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** When the next billing cycle begins. */
  public Instant nextCycle(Instant now) {
    return cycleStart(now).atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
  }

  /** True when a post costing {@code price} fits what is left after {@code spent}. */
  public boolean fits(BigDecimal spent, BigDecimal price) {
    return spent.add(price).compareTo(budget.perMonth()) <= 0;
  }

  /** {@code amount} as people write dollars: {@code $0.20}, {@code $1.00}, {@code $0.015}. */
  public static String dollars(BigDecimal amount) {
    BigDecimal plain = amount.stripTrailingZeros();
    return "$" + plain.setScale(Math.max(2, plain.scale())).toPlainString();
  }
}

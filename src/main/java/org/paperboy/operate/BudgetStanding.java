package org.paperboy.operate;

import java.time.Instant;
import java.util.Objects;

/**
 * What an account with a budget has spent in its billing cycle.
 *
 * @param accountId the account
 * @param spent what its posts cost since {@code cycleStart}, as its platform bills them, written as
 *     people write dollars ({@code $0.40})
 * @param perMonth its budget for a cycle, written as {@code spent} is
 * @param cycleStart when the cycle in force began
 * @param nextCycle when the next begins
 */
public record BudgetStanding(
    String accountId, String spent, String perMonth, Instant cycleStart, Instant nextCycle) {

  public BudgetStanding {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(spent, "spent");
    Objects.requireNonNull(perMonth, "perMonth");
  }

  /** "has spent $0.40 of $10.00 this cycle (since …; the next starts …)". */
  public String words() {
    return "has spent "
        + spent
        + " of "
        + perMonth
        + " this cycle (since "
        + cycleStart
        + "; the next starts "
        + nextCycle
        + ")";
  }
}

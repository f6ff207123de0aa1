package org.paperboy.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import org.paperboy.config.AccountConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.config.PlatformSettings;
import org.paperboy.queue.Spending;

/** The spend of each account with a budget, as {@code feeds} and {@code history} print it. */
final class Budgets {

  private Budgets() {}

  /** One line per account with a budget: what its cycle has spent, of how much, since when. */
  static void print(PaperboyConfig config, Maintenance maintenance, Instant now, PrintStream out) {
    for (AccountConfig account : config.accounts().values()) {
      if (account.settings() instanceof PlatformSettings.X x && x.budget() != null) {
        Spending spending = new Spending(x.budget());
        Instant start = spending.cycleStart(now);
        BigDecimal spent = maintenance.spent(account.id(), start);
        out.println(
            "BUDGET: account "
                + account.id()
                + " has spent "
                + Spending.dollars(spent)
                + " of "
                + Spending.dollars(x.budget().perMonth())
                + " this cycle (since "
                + start
                + "; the next starts "
                + spending.nextCycle(now)
                + ")");
      }
    }
  }
}

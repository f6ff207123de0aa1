package org.paperboy.cli;

import java.io.PrintStream;
import org.paperboy.operate.BudgetStanding;
import org.paperboy.operate.Operations;

/** The spend of each account with a budget, as {@code feeds} and {@code history} print it. */
final class Budgets {

  private Budgets() {}

  /** One line per account with a budget: what its cycle has spent, of how much, since when. */
  static void print(Operations operations, PrintStream out) {
    for (BudgetStanding budget : operations.budgets()) {
      out.println("BUDGET: account " + budget.accountId() + " " + budget.words());
    }
  }
}

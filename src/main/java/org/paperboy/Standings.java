package org.paperboy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.config.AccountConfig;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.config.PlatformSettings;
import org.paperboy.model.FeedOverview;
import org.paperboy.operate.BudgetStanding;
import org.paperboy.operate.FeedStanding;
import org.paperboy.queue.Spending;
import org.paperboy.store.JdbcSpend;

/**
 * What the database holds on feeds and budgets, joined with the config in force into what
 * maintainers read: the feeds' flags, each budget's cycle.
 */
final class Standings {

  private Standings() {}

  /** Each configured feed in the config's order, then those the config no longer holds. */
  static List<FeedStanding> feeds(PaperboyConfig config, List<FeedOverview> overview, Instant now) {
    Map<String, FeedOverview> known = new LinkedHashMap<>();
    overview.forEach(feed -> known.put(feed.id(), feed));
    List<FeedStanding> standings = new ArrayList<>();
    for (FeedConfig feed : config.feeds().values()) {
      FeedOverview state = known.remove(feed.id());
      boolean polled = state != null && state.lastPolledAt() != null;
      Duration quiet =
          polled && state.lastNewAt() != null ? Duration.between(state.lastNewAt(), now) : null;
      standings.add(
          new FeedStanding(
              feed.id(),
              feed.url().toString(),
              feed.schedule().describe(),
              polled ? state : null,
              true,
              state == null ? null : later(state.nextFireAt(), state.nextPollAt()),
              feed.staleAfter(),
              quiet != null && quiet.compareTo(feed.staleAfter()) > 0 ? quiet : null));
    }
    for (FeedOverview gone : known.values()) {
      standings.add(
          new FeedStanding(gone.id(), gone.url(), "not polled", gone, false, null, null, null));
    }
    return standings;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /** Each account with a budget, in the config's order, and what its cycle has spent. */
  static List<BudgetStanding> budgets(PaperboyConfig config, JdbcSpend spend, Instant now) {
    List<BudgetStanding> budgets = new ArrayList<>();
    for (AccountConfig account : config.accounts().values()) {
      if (account.settings() instanceof PlatformSettings.X x && x.budget() != null) {
        Spending spending = new Spending(x.budget());
        Instant start = spending.cycleStart(now);
        budgets.add(
            new BudgetStanding(
                account.id(),
                Spending.dollars(spend.since(account.id(), start)),
                Spending.dollars(x.budget().perMonth()),
                start,
                spending.nextCycle(now)));
      }
    }
    return budgets;
  }
}

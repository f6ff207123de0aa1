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
import org.paperboy.operate.EntryFate;
import org.paperboy.operate.FeedStanding;
import org.paperboy.queue.Spending;
import org.paperboy.store.JdbcSpend;
import org.paperboy.store.RecordedEntry;

/**
 * What the database holds on feeds, entries and budgets, joined with the config in force into what
 * maintainers read: the feeds' flags, each entry's fate in words, each budget's cycle.
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

  /**
   * What became of {@code entry} of {@code feedId} for each of {@code accountIds}, in the words
   * {@code preview --explain} gives.
   */
  static EntryFate entry(RecordedEntry entry, String feedId, List<String> accountIds) {
    Map<String, RecordedEntry.ForAccount> held = new LinkedHashMap<>();
    entry.accounts().forEach(account -> held.put(account.accountId(), account));
    List<String> accounts = new ArrayList<>(accountIds);
    // An account the feed no longer names keeps what it made of the entry.
    held.keySet().stream().filter(id -> !accounts.contains(id)).forEach(accounts::add);
    List<EntryFate.Fate> fates = new ArrayList<>();
    Map<String, String> left = new LinkedHashMap<>();
    entry.left().forEach(l -> left.put(l.accountId(), l.reason()));
    left.keySet().stream().filter(id -> !accounts.contains(id)).forEach(accounts::add);
    for (String accountId : accounts) {
      RecordedEntry.ForAccount account = held.get(accountId);
      String reason = left.get(accountId);
      if (account != null) {
        fates.add(
            new EntryFate.Fate(
                accountId, words(account, feedId), account.postId(), account.postUrl()));
      } else if (reason != null) {
        // An entry no account could take is judged again at each poll; one the others took is not.
        fates.add(
            new EntryFate.Fate(
                accountId,
                entry.recorded() ? reason : reason + "; tried again at each poll",
                null,
                null));
      } else {
        fates.add(
            new EntryFate.Fate(
                accountId, "not recorded: the account joined the feed after it", null, null));
      }
    }
    return new EntryFate(entry.title(), entry.link(), entry.seenAt(), fates);
  }

  private static String words(RecordedEntry.ForAccount account, String feedId) {
    String post =
        account.state() == null
            ? null
            : switch (account.state()) {
              case POSTED -> "posted";
              case QUEUED -> "queued";
              case AWAITING_APPROVAL -> "awaiting approval";
              case SENDING -> "being sent";
              case RETRYING -> "waiting to retry: " + account.lastError();
              case FAILED -> "failed: " + account.lastError();
              case UNKNOWN -> "outcome unknown, to be looked up: " + account.lastError();
            };
    if (!account.feedId().equals(feedId)) {
      return "already seen as a paper of feed "
          + account.feedId()
          + (post == null ? "" : " (" + post + " from there)");
    }
    if (post != null) {
      return post;
    }
    return account.notPostedBecause() != null
        ? account.notPostedBecause()
        : "recorded as seen without a post";
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

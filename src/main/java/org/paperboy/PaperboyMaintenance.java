package org.paperboy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.paperboy.config.AccountConfig;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.model.OutboxState;
import org.paperboy.model.PostRecord;
import org.paperboy.model.TextRules;
import org.paperboy.operate.AccountStanding;
import org.paperboy.operate.BudgetStanding;
import org.paperboy.operate.Edit;
import org.paperboy.operate.EntryFate;
import org.paperboy.operate.FeedStanding;
import org.paperboy.operate.Operations;
import org.paperboy.operate.QueuedPost;
import org.paperboy.store.Database;
import org.paperboy.store.JdbcAccountStore;
import org.paperboy.store.JdbcFeedEntries;
import org.paperboy.store.JdbcFeedStore;
import org.paperboy.store.JdbcPostLog;
import org.paperboy.store.JdbcQueue;
import org.paperboy.store.JdbcSpend;
import org.paperboy.store.RecordedEntry;

/**
 * The maintainers' operations on Paperboy's database, for the config in force: the command line's
 * on a database of their own, the dashboard's on the running service's.
 */
final class PaperboyMaintenance implements Operations {

  private final Database database;
  private final boolean ownsDatabase;
  private final Supplier<PaperboyConfig> config;
  private final Function<AccountConfig, TextRules> rules;
  private final JdbcFeedStore feeds;
  private final JdbcFeedEntries entries;
  private final JdbcQueue queue;
  private final JdbcPostLog posts;
  private final JdbcSpend spend;
  private final JdbcAccountStore accounts;
  private final Clock clock;

  /**
   * @param ownsDatabase whether {@link #close} closes the database (not when it is the service's)
   * @param config the config in force, asked at each operation (it changes at a reload)
   * @param rules how each account's platform counts a post's text
   */
  PaperboyMaintenance(
      Database database,
      boolean ownsDatabase,
      Supplier<PaperboyConfig> config,
      Function<AccountConfig, TextRules> rules,
      Clock clock) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.config = config;
    this.rules = rules;
    this.feeds = new JdbcFeedStore(database.dataSource());
    this.entries = new JdbcFeedEntries(database.dataSource());
    this.queue = new JdbcQueue(database.dataSource());
    this.posts = new JdbcPostLog(database.dataSource());
    this.spend = new JdbcSpend(database.dataSource());
    this.accounts = new JdbcAccountStore(database.dataSource());
    this.clock = clock;
  }

  @Override
  public List<AccountStanding> accounts() {
    Instant now = clock.instant();
    List<AccountStanding> standings = new ArrayList<>();
    for (AccountConfig account : config.get().accounts().values()) {
      standings.add(
          new AccountStanding(
              account.id(),
              account.platform().configName(),
              account.approval(),
              accounts.pause(account.id()).filter(p -> p.until().isAfter(now)).orElse(null)));
    }
    return standings;
  }

  @Override
  public List<FeedStanding> feeds() {
    return Standings.feeds(config.get(), feeds.overview(), clock.instant());
  }

  @Override
  public List<EntryFate> entries(String feedId, int limit) {
    FeedConfig feed = config.get().feeds().get(feedId);
    List<String> accountIds = feed == null ? List.of() : feed.accountIds();
    List<EntryFate> fates = new ArrayList<>();
    for (RecordedEntry entry : entries.recent(feedId, limit)) {
      fates.add(Standings.entry(entry, feedId, accountIds));
    }
    return fates;
  }

  @Override
  public List<QueuedPost> queue(String accountId, OutboxState state) {
    return listing().list(queue.rows(accountId, state), clock.instant());
  }

  private QueueListing listing() {
    return new QueueListing(config.get(), rules, posts, accounts);
  }

  @Override
  public Optional<QueuedPost> post(long id) {
    return queue.row(id).map(row -> listing().list(List.of(row), clock.instant()).get(0));
  }

  @Override
  public int approve(Long id, String accountId) {
    return queue.requeue(id, accountId, Set.of(OutboxState.AWAITING_APPROVAL), clock.instant());
  }

  @Override
  public Edit edit(long id, String text, String replyText, String editor) {
    Optional<QueuedPost> found = post(id);
    if (found.isEmpty()) {
      return new Edit(Edit.Outcome.NOT_EDITABLE, "there is no post " + id);
    }
    QueuedPost post = found.get();
    if (!post.editable()) {
      return new Edit(Edit.Outcome.NOT_EDITABLE, notEditable(post));
    }
    AccountConfig account = config.get().accounts().get(post.item().accountId());
    if (account == null) {
      return new Edit(
          Edit.Outcome.NOT_EDITABLE,
          "post "
              + id
              + " belongs to account "
              + post.item().accountId()
              + ", no longer in the config");
    }
    String newReply = post.item().replyText() == null ? null : replyText;
    Optional<String> refused = Lengths.refusal(account, rules.apply(account), text, newReply);
    if (refused.isPresent()) {
      return new Edit(Edit.Outcome.REFUSED, refused.get() + "; post " + id + " keeps its text");
    }
    if (!queue.edit(id, text, newReply, editor, clock.instant())) {
      return new Edit(
          Edit.Outcome.NOT_EDITABLE,
          "post " + id + " was claimed for sending meanwhile; its text stays as it was");
    }
    return new Edit(
        Edit.Outcome.SAVED,
        "saved post " + id + ": it is posted as edited, and a config reload no longer rewrites it");
  }

  private static String notEditable(QueuedPost post) {
    long id = post.item().id();
    if (post.partPosted()) {
      return "post " + id + " is half posted: its first post is out, so its text stays";
    }
    return switch (post.item().state()) {
      case UNKNOWN ->
          "post "
              + id
              + "'s outcome is unknown: it may be on the platform as it is, so it is never edited;"
              + " look for it, then drop or retry it";
      case SENDING -> "post " + id + " is being sent";
      default -> "post " + id + " is posted already";
    };
  }

  @Override
  public boolean drop(long id) {
    return queue.drop(id, clock.instant());
  }

  @Override
  public int retry(long id) {
    Instant now = clock.instant();
    if (queue.recheck(id, now)) {
      return 1;
    }
    return queue.requeue(id, null, Set.of(OutboxState.FAILED, OutboxState.RETRYING), now);
  }

  @Override
  public Map<String, Integer> needingALook() {
    return queue.awaitingLook();
  }

  @Override
  public List<PostRecord> history(String accountId, Instant since) {
    return posts.history(accountId, since);
  }

  @Override
  public List<BudgetStanding> budgets() {
    return Standings.budgets(config.get(), spend, clock.instant());
  }

  @Override
  public void close() {
    if (ownsDatabase) {
      database.close();
    }
  }
}

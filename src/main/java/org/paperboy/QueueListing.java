package org.paperboy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.paperboy.config.AccountConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.model.AccountPause;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.model.TextRules;
import org.paperboy.operate.QueuedPost;
import org.paperboy.queue.Pacing;
import org.paperboy.store.JdbcAccountStore;
import org.paperboy.store.JdbcPostLog;
import org.paperboy.store.QueueRow;

/**
 * The queue as maintainers read it: each post measured by its account's platform, and when it is
 * expected to go out. The expectation follows the account's pacing and pause, oldest first, as the
 * dispatcher sends; a budget that runs out or a failure may make it later.
 */
final class QueueListing {

  private final PaperboyConfig config;
  private final Function<AccountConfig, TextRules> rules;
  private final JdbcPostLog posts;
  private final JdbcAccountStore pauses;

  QueueListing(
      PaperboyConfig config,
      Function<AccountConfig, TextRules> rules,
      JdbcPostLog posts,
      JdbcAccountStore pauses) {
    this.config = config;
    this.rules = rules;
    this.posts = posts;
    this.pauses = pauses;
  }

  /** {@code rows}, in their order, as maintainers see them at {@code now}. */
  List<QueuedPost> list(List<QueueRow> rows, Instant now) {
    Map<String, Turns> turns = new HashMap<>();
    Map<String, TextRules> counts = new HashMap<>();
    List<QueuedPost> listed = new ArrayList<>(rows.size());
    for (QueueRow row : rows) {
      OutboxItem item = row.item();
      AccountConfig account = config.accounts().get(item.accountId());
      if (account == null) {
        // Its account left the config: it is never sent, so it is neither measured (limit 0)
        // nor due.
        listed.add(
            new QueuedPost(item, row.title(), 0, null, 0, null, row.editedBy(), row.partPosted()));
        continue;
      }
      TextRules text = counts.computeIfAbsent(account.id(), id -> rules.apply(account));
      Turns accountTurns = turns.computeIfAbsent(account.id(), id -> turns(account, rows, now));
      listed.add(
          new QueuedPost(
              item,
              row.title(),
              text.length(item.text()),
              item.replyText() == null ? null : text.length(item.replyText()),
              text.limit(),
              accountTurns.due(item, now),
              row.editedBy(),
              row.partPosted()));
    }
    return listed;
  }

  /** When an account's posts are expected to go: queued ones by turns, the others by their time. */
  private static final class Turns {
    private final Instant from;
    private final List<Instant> queued;
    private int next;

    Turns(Instant from, List<Instant> queued) {
      this.from = from;
      this.queued = queued;
    }

    /** When {@code item} is expected to go, or null when it waits for a maintainer. */
    Instant due(OutboxItem item, Instant now) {
      return switch (item.state()) {
        case QUEUED -> later(queued.get(next++), item.notBefore());
        case RETRYING -> later(from, item.notBefore());
        case UNKNOWN -> item.notBefore() == null ? null : later(from, item.notBefore());
        case SENDING -> now;
        default -> null;
      };
    }

    private static Instant later(Instant a, Instant b) {
      return b != null && b.isAfter(a) ? b : a;
    }
  }

  /** The turns of the account's queued posts among {@code rows}, after its pause if it has one. */
  private Turns turns(AccountConfig account, List<QueueRow> rows, Instant now) {
    int queued = 0;
    for (QueueRow row : rows) {
      if (row.item().accountId().equals(account.id()) && row.item().state() == OutboxState.QUEUED) {
        queued++;
      }
    }
    Instant from =
        pauses.pause(account.id()).map(AccountPause::until).filter(now::isBefore).orElse(now);
    Pacing pacing = new Pacing(account.minSpacing(), account.maxPerDay(), account.quietHours());
    return new Turns(
        from,
        pacing.turns(posts.postTimesSince(account.id(), Pacing.windowStart(now)), queued, from));
  }
}

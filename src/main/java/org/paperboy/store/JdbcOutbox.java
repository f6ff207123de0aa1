package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.model.Paper;

/**
 * The outbox: claiming the next due post, and recording how sending it ended. Every change of state
 * is one transaction, and a post is marked {@link OutboxState#SENDING} (committed) before it is
 * handed to a platform, so a crash in between is visible afterwards. Thread-safe.
 */
public final class JdbcOutbox {

  private static final String COLUMNS =
      "id, account_id, feed_id, text, reply_text, state, attempts, not_before, last_error";

  private final DataSource dataSource;
  private final Dialect dialect;

  public JdbcOutbox(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * Claims the account's oldest due post and marks it {@link OutboxState#SENDING}. Due are queued
   * and retrying posts whose time has come, and posts left sending since before {@code staleBefore}
   * by a process that died.
   */
  public Optional<OutboxItem> claimNext(String accountId, Instant now, Instant staleBefore) {
    return claimNext(accountId, now, staleBefore, null, null);
  }

  /**
   * Claims as {@link #claimNext(String, Instant, Instant)} does, for cluster node {@code node}: a
   * post left sending by a node whose last Quartz check-in is older than {@code aliveSince} is due
   * at once, so a dead node's in-flight posts move to a live one.
   *
   * @param node this node's Quartz instance id, or {@code null} outside a cluster
   */
  public Optional<OutboxItem> claimNext(
      String accountId, Instant now, Instant staleBefore, String node, Instant aliveSince) {
    String abandoned =
        node == null
            ? ""
            : " OR (state = 'SENDING' AND claimed_by IS NOT NULL AND claimed_by NOT IN"
                + " (SELECT instance_name FROM qrtz_scheduler_state WHERE last_checkin_time > ?))";
    return Jdbc.transaction(
        dataSource,
        "claiming the next post of account " + accountId,
        c -> {
          OutboxItem item;
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM outbox WHERE account_id = ? AND ("
                      + " (state IN ('QUEUED', 'RETRYING')"
                      + "   AND (not_before IS NULL OR not_before <= ?))"
                      + " OR (state = 'SENDING' AND updated_at < ?)"
                      + abandoned
                      + ") ORDER BY COALESCE(paper_date, created_at), id"
                      + " FETCH FIRST 1 ROWS ONLY"
                      + dialect.claimLock())) {
            select.setString(1, accountId);
            Jdbc.setInstant(select, 2, now);
            Jdbc.setInstant(select, 3, staleBefore);
            if (node != null) {
              select.setLong(4, aliveSince.toEpochMilli());
            }
            try (ResultSet rows = select.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              item = read(rows);
            }
          }
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'SENDING', attempts = attempts + 1, updated_at = ?,"
                      + " claimed_by = ? WHERE id = ?")) {
            Jdbc.setInstant(update, 1, now);
            update.setString(2, node);
            update.setLong(3, item.id());
            update.executeUpdate();
          }
          return Optional.of(
              new OutboxItem(
                  item.id(),
                  item.accountId(),
                  item.feedId(),
                  item.text(),
                  item.replyText(),
                  OutboxState.SENDING,
                  item.attempts() + 1,
                  item.notBefore(),
                  item.lastError()));
        });
  }

  /**
   * Records that part {@code part} of {@code item} (0 the post, 1 its reply) was posted, and when
   * it was the last part, marks the item posted. One transaction.
   *
   * @param remoteId the platform's id for the post, or {@code null} when it is not known
   */
  public void markSent(OutboxItem item, int part, String remoteId, Instant now) {
    boolean last = part == (item.replyText() == null ? 0 : 1);
    Jdbc.transaction(
        dataSource,
        "recording post " + item.id() + " of account " + item.accountId() + " as posted",
        c -> {
          if (last) {
            setState(c, item.id(), OutboxState.POSTED, null, null, now);
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO posts (outbox_id, account_id, remote_id, text, posted_at, part)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, item.id());
            insert.setString(2, item.accountId());
            insert.setString(3, remoteId);
            insert.setString(4, part == 0 ? item.text() : item.replyText());
            Jdbc.setInstant(insert, 5, now);
            insert.setInt(6, part);
            insert.executeUpdate();
          }
          return null;
        });
  }

  /** The remote ids of the parts of {@code item} already posted, by part (ids may be null). */
  public Map<Integer, String> sentParts(OutboxItem item) {
    return Jdbc.transaction(
        dataSource,
        "reading the posts of outbox item " + item.id(),
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT part, remote_id FROM posts WHERE outbox_id = ?")) {
            select.setLong(1, item.id());
            Map<Integer, String> parts = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                parts.put(rows.getInt(1), rows.getString(2));
              }
            }
            return parts;
          }
        });
  }

  /**
   * Settles sends that a process left unfinished when it died: each post still marked sending is
   * tried again at once. If the platform did receive it, it answers "duplicate" and the post is
   * recorded as posted; nothing is posted twice. Call only when no other process can be sending
   * (the embedded database is single-process); returns how many there were.
   */
  public int recoverInterrupted(Instant now) {
    return Jdbc.transaction(
        dataSource,
        "settling posts left sending",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'RETRYING', not_before = NULL, updated_at = ?,"
                      + " last_error = ? WHERE state = 'SENDING'")) {
            Jdbc.setInstant(update, 1, now);
            update.setString(
                2,
                "outcome unknown: the process stopped while sending; resent, and a duplicate"
                    + " answer counts as posted");
            return update.executeUpdate();
          }
        });
  }

  /**
   * Marks a threaded {@code item} posted whose reply cannot be sent: its first post exists but its
   * id was not returned (a send interrupted and settled as a duplicate), so there is nothing to
   * reply to.
   */
  public void markPostedWithoutReply(OutboxItem item, Instant now) {
    update(
        item,
        OutboxState.POSTED,
        null,
        "reply not posted: the first post's id is unknown after an interrupted send",
        now);
  }

  /** Marks {@code item} to be tried again at {@code notBefore}, keeping the reason. */
  public void markRetrying(OutboxItem item, Instant notBefore, String reason, Instant now) {
    update(item, OutboxState.RETRYING, notBefore, reason, now);
  }

  /** Gives {@code item} up, keeping the reason. */
  public void markFailed(OutboxItem item, String reason, Instant now) {
    update(item, OutboxState.FAILED, null, reason, now);
  }

  /**
   * Puts a claimed {@code item} back in the queue untried (the account cannot post now), not to be
   * sent before {@code notBefore}. Its attempt is not counted.
   */
  public void release(OutboxItem item, Instant notBefore, String reason, Instant now) {
    Jdbc.transaction(
        dataSource,
        "returning post " + item.id() + " to the queue",
        c -> {
          setState(c, item.id(), OutboxState.QUEUED, notBefore, reason, now);
          try (PreparedStatement update =
              c.prepareStatement("UPDATE outbox SET attempts = attempts - 1 WHERE id = ?")) {
            update.setLong(1, item.id());
            update.executeUpdate();
          }
          return null;
        });
  }

  /** When the account's posts of the last period were made, oldest first. */
  public List<Instant> postTimesSince(String accountId, Instant since) {
    return Jdbc.transaction(
        dataSource,
        "reading the recent posts of account " + accountId,
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT posted_at FROM posts WHERE account_id = ? AND part = 0 AND posted_at > ?"
                      + " ORDER BY posted_at")) {
            select.setString(1, accountId);
            Jdbc.setInstant(select, 2, since);
            List<Instant> times = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                times.add(Jdbc.getInstant(rows, "posted_at"));
              }
            }
            return times;
          }
        });
  }

  /**
   * The outbox, oldest first.
   *
   * @param accountId only this account's posts, or {@code null} for all
   * @param state only posts in this state, or {@code null} for all
   */
  public List<OutboxItem> list(String accountId, OutboxState state) {
    return Jdbc.transaction(
        dataSource,
        "listing the outbox",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM outbox WHERE (? IS NULL OR account_id = ?) AND (? IS NULL OR state = ?)"
                      + " ORDER BY COALESCE(paper_date, created_at), id")) {
            select.setString(1, accountId);
            select.setString(2, accountId);
            select.setString(3, state == null ? null : state.name());
            select.setString(4, state == null ? null : state.name());
            List<OutboxItem> items = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                items.add(read(rows));
              }
            }
            return items;
          }
        });
  }

  /**
   * Moves posts from {@code from} to queued, clearing their wait and error; the attempts count
   * restarts. Returns how many moved.
   *
   * @param id one post, or {@code null} for every post of {@code accountId} (all accounts when that
   *     is null too)
   */
  public int requeue(Long id, String accountId, List<OutboxState> from, Instant now) {
    return Jdbc.transaction(
        dataSource,
        "queueing posts again",
        c -> {
          StringBuilder states = new StringBuilder();
          for (OutboxState state : from) {
            states.append(states.length() == 0 ? "'" : ", '").append(state.name()).append("'");
          }
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'QUEUED', not_before = NULL, last_error = NULL,"
                      + " attempts = 0, updated_at = ? WHERE state IN ("
                      + states
                      + ") AND (? IS NULL OR id = ?) AND (? IS NULL OR account_id = ?)")) {
            Jdbc.setInstant(update, 1, now);
            if (id == null) {
              update.setNull(2, Types.BIGINT);
              update.setNull(3, Types.BIGINT);
            } else {
              update.setLong(2, id);
              update.setLong(3, id);
            }
            update.setString(4, accountId);
            update.setString(5, accountId);
            return update.executeUpdate();
          }
        });
  }

  /**
   * Drops a post that is not sending or posted: it is marked failed with the reason, and kept so
   * that {@code queue retry} can bring it back. Returns whether it was dropped.
   */
  public boolean drop(long id, Instant now) {
    return Jdbc.transaction(
        dataSource,
        "dropping post " + id,
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'FAILED', last_error = 'dropped by a maintainer',"
                      + " not_before = NULL, updated_at = ?"
                      + " WHERE id = ? AND state IN ('QUEUED', 'AWAITING_APPROVAL', 'RETRYING')")) {
            Jdbc.setInstant(update, 1, now);
            update.setLong(2, id);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * The posts made, newest first.
   *
   * @param accountId only this account's, or {@code null}
   * @param since only those made after this, or {@code null}
   */
  public List<PostRecord> history(String accountId, Instant since) {
    return Jdbc.transaction(
        dataSource,
        "reading the posts made",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT p.account_id, o.feed_id, p.remote_id, p.text, p.posted_at, p.part"
                      + " FROM posts p JOIN outbox o ON o.id = p.outbox_id"
                      + " WHERE (? IS NULL OR p.account_id = ?) AND (? IS NULL OR p.posted_at > ?)"
                      + " ORDER BY p.posted_at DESC, p.id DESC")) {
            select.setString(1, accountId);
            select.setString(2, accountId);
            Jdbc.setInstant(select, 3, since);
            Jdbc.setInstant(select, 4, since);
            List<PostRecord> posts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                posts.add(
                    new PostRecord(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        Jdbc.getInstant(rows, "posted_at"),
                        rows.getInt(6)));
              }
            }
            return posts;
          }
        });
  }

  /** A post not yet sent and the paper it was written from. */
  public record Pending(long id, Paper paper, String text, String replyText) {}

  /** The posts of {@code feedId} not yet sent, with their papers (those stored with one). */
  public List<Pending> pending(String feedId) {
    return Jdbc.transaction(
        dataSource,
        "reading the posts of feed " + feedId + " not yet sent",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT id, paper_json, text, reply_text FROM outbox WHERE feed_id = ?"
                      + " AND state IN ('QUEUED', 'AWAITING_APPROVAL', 'RETRYING')"
                      + " AND paper_json IS NOT NULL")) {
            select.setString(1, feedId);
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                pending.add(
                    new Pending(
                        rows.getLong(1),
                        PaperCodec.decode(rows.getString(2)),
                        rows.getString(3),
                        rows.getString(4)));
              }
            }
            return pending;
          }
        });
  }

  /** Rewrites a post not yet sent; false when it was sent (or claimed) meanwhile. */
  public boolean rewrite(long id, String text, String replyText, Instant now) {
    return Jdbc.transaction(
        dataSource,
        "rewriting post " + id,
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox SET text = ?, reply_text = ?, updated_at = ? WHERE id = ?"
                      + " AND state IN ('QUEUED', 'AWAITING_APPROVAL', 'RETRYING')")) {
            update.setString(1, text);
            update.setString(2, replyText);
            Jdbc.setInstant(update, 3, now);
            update.setLong(4, id);
            return update.executeUpdate() == 1;
          }
        });
  }

  /** The account's outbox, oldest first. */
  public List<OutboxItem> items(String accountId) {
    return Jdbc.transaction(
        dataSource,
        "listing the outbox of account " + accountId,
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM outbox WHERE account_id = ?"
                      + " ORDER BY COALESCE(paper_date, created_at), id")) {
            select.setString(1, accountId);
            List<OutboxItem> items = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                items.add(read(rows));
              }
            }
            return items;
          }
        });
  }

  /** How many posts of all accounts are in each state. */
  public Map<OutboxState, Integer> countsByState() {
    return Jdbc.transaction(
        dataSource,
        "counting the outbox",
        c -> {
          Map<OutboxState, Integer> counts = new EnumMap<>(OutboxState.class);
          try (PreparedStatement select =
                  c.prepareStatement("SELECT state, COUNT(*) FROM outbox GROUP BY state");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              counts.put(OutboxState.valueOf(rows.getString(1)), rows.getInt(2));
            }
          }
          return counts;
        });
  }

  /** How many of the account's posts are in each state. */
  public Map<OutboxState, Integer> counts(String accountId) {
    Map<OutboxState, Integer> counts = new EnumMap<>(OutboxState.class);
    for (OutboxItem item : items(accountId)) {
      counts.merge(item.state(), 1, Integer::sum);
    }
    return counts;
  }

  private void update(
      OutboxItem item, OutboxState state, Instant notBefore, String reason, Instant now) {
    Jdbc.transaction(
        dataSource,
        "recording post " + item.id() + " as " + state,
        c -> {
          setState(c, item.id(), state, notBefore, reason, now);
          return null;
        });
  }

  private static void setState(
      Connection c, long id, OutboxState state, Instant notBefore, String reason, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE outbox SET state = ?, not_before = ?, last_error = ?, updated_at = ?"
                + " WHERE id = ?")) {
      update.setString(1, state.name());
      Jdbc.setInstant(update, 2, notBefore);
      update.setString(3, Jdbc.fit(reason, 2000));
      Jdbc.setInstant(update, 4, now);
      update.setLong(5, id);
      update.executeUpdate();
    }
  }

  private static OutboxItem read(ResultSet rows) throws SQLException {
    return new OutboxItem(
        rows.getLong("id"),
        rows.getString("account_id"),
        rows.getString("feed_id"),
        rows.getString("text"),
        rows.getString("reply_text"),
        OutboxState.valueOf(rows.getString("state")),
        rows.getInt("attempts"),
        Jdbc.getInstant(rows, "not_before"),
        rows.getString("last_error"));
  }
}

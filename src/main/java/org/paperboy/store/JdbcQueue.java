package org.paperboy.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.model.Paper;

/**
 * The queue as maintainers see and change it: listing it, approving, dropping and retrying posts,
 * and rewriting the posts not yet sent when a feed's settings change. Every change is one
 * transaction and touches only posts in the states it names, so it never races a post being sent.
 * Thread-safe.
 */
public final class JdbcQueue {

  /** The outbox's rows with their papers' titles, who edited them and whether a part is out. */
  private static final String QUEUE_ROWS =
      "SELECT "
          + OutboxRows.COLUMNS
          + ", COALESCE(subject_title,"
          + " (SELECT p.title FROM papers p WHERE p.id = outbox.paper_id)) AS title, edited_by,"
          + " CASE WHEN EXISTS (SELECT 1 FROM posts s WHERE s.outbox_id = outbox.id)"
          + " THEN 1 ELSE 0 END AS part_posted FROM outbox";

  private final DataSource dataSource;

  public JdbcQueue(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The posts not yet posted, oldest first, with their papers' titles: the queue as maintainers see
   * it, given-up posts included.
   *
   * @param accountId only this account's posts, or {@code null} for all
   * @param state only posts in this state (posted ones too), or {@code null} for all but those
   *     posted
   */
  public List<QueueRow> rows(String accountId, OutboxState state) {
    return Jdbc.transaction(
        dataSource,
        "listing the queue",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  QUEUE_ROWS
                      + " WHERE (? IS NULL OR account_id = ?)"
                      + " AND ((? IS NULL AND state <> 'POSTED') OR state = ?)"
                      + " ORDER BY COALESCE(paper_date, created_at), id")) {
            select.setString(1, accountId);
            select.setString(2, accountId);
            select.setString(3, state == null ? null : state.name());
            select.setString(4, state == null ? null : state.name());
            List<QueueRow> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
              while (result.next()) {
                rows.add(queueRow(result));
              }
            }
            return rows;
          }
        });
  }

  /** One post as {@link #rows} lists it, whatever its state; empty when there is none. */
  public Optional<QueueRow> row(long id) {
    return Jdbc.transaction(
        dataSource,
        "reading post " + id,
        c -> {
          try (PreparedStatement select = c.prepareStatement(QUEUE_ROWS + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
              if (!result.next()) {
                return Optional.empty();
              }
              return Optional.of(queueRow(result));
            }
          }
        });
  }

  /**
   * A maintainer's new text for a post that has not reached its platform (see {@link
   * OutboxRows#EDITABLE}): it is marked edited, so that a changed config no longer rewrites it.
   * Returns false when the post was sent, claimed or settled as unknown meanwhile.
   *
   * @param replyText the reply's new text, or {@code null} to keep it
   * @param editor who edited it
   */
  public boolean edit(long id, String text, String replyText, String editor, Instant now) {
    return Jdbc.transaction(
        dataSource,
        "editing post " + id,
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox SET text = ?, reply_text = COALESCE(?, reply_text),"
                      + " edited_by = ?, edited_at = ?, updated_at = ? WHERE id = ? AND "
                      + OutboxRows.EDITABLE)) {
            update.setString(1, text);
            update.setString(2, replyText);
            update.setString(3, Jdbc.fit(editor, 100));
            Jdbc.setInstant(update, 4, now);
            Jdbc.setInstant(update, 5, now);
            update.setLong(6, id);
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
                      + OutboxRows.COLUMNS
                      + " FROM outbox WHERE account_id = ?"
                      + " ORDER BY COALESCE(paper_date, created_at), id")) {
            select.setString(1, accountId);
            List<OutboxItem> items = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                items.add(OutboxRows.read(rows));
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
  public int requeue(Long id, String accountId, Set<OutboxState> from, Instant now) {
    return Jdbc.transaction(
        dataSource,
        "queueing posts again",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'QUEUED', not_before = NULL, last_error = NULL,"
                      + " attempts = 0, updated_at = ? WHERE state IN "
                      + OutboxRows.in(from)
                      + " AND (? IS NULL OR id = ?) AND (? IS NULL OR account_id = ?)")) {
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
   * Drops a post that is not sending or posted (an unknown one too, which a maintainer may have
   * found on the platform): it is marked failed with the reason, and kept so that {@code queue
   * retry} can bring it back. Returns whether it was dropped.
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
                      + " WHERE id = ? AND (state = 'UNKNOWN' OR state IN "
                      + OutboxRows.NOT_YET_SENT
                      + ")")) {
            Jdbc.setInstant(update, 1, now);
            update.setLong(2, id);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * Sends an unknown post again: it is looked up at once, as if its retries had just begun, and
   * sent again only if the platform does not hold it. Returns whether there was such a post.
   */
  public boolean recheck(long id, Instant now) {
    return Jdbc.transaction(
        dataSource,
        "looking up post " + id + " again",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox SET not_before = ?, attempts = 0, updated_at = ?"
                      + " WHERE id = ? AND state = 'UNKNOWN'")) {
            Jdbc.setInstant(update, 1, now);
            Jdbc.setInstant(update, 2, now);
            update.setLong(3, id);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * The unknown posts of each account whose retries are spent: they wait for a maintainer to look
   * on the platform ({@code queue retry} looks again).
   */
  public Map<String, Integer> awaitingLook() {
    return Jdbc.transaction(
        dataSource,
        "counting the unknown posts that need a look",
        c -> {
          Map<String, Integer> counts = new TreeMap<>();
          try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT account_id, COUNT(*) FROM outbox WHERE state = 'UNKNOWN'"
                          + " AND not_before IS NULL GROUP BY account_id");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              counts.put(rows.getString(1), rows.getInt(2));
            }
          }
          return counts;
        });
  }

  private static QueueRow queueRow(ResultSet result) throws SQLException {
    return new QueueRow(
        OutboxRows.read(result),
        result.getString("title"),
        result.getString("edited_by"),
        result.getInt("part_posted") == 1);
  }

  /** A post not yet sent, its account, and the paper it was written from. */
  public record Pending(long id, String accountId, Paper paper, String text, String replyText) {}

  /** The posts of {@code feedId} not yet sent, with their papers (those stored with one). */
  public List<Pending> pending(String feedId) {
    return Jdbc.transaction(
        dataSource,
        "reading the posts of feed " + feedId + " not yet sent",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT id, account_id, paper_json, text, reply_text FROM outbox WHERE feed_id = ?"
                      + " AND "
                      + OutboxRows.REWRITABLE
                      + " AND paper_json IS NOT NULL")) {
            select.setString(1, feedId);
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                pending.add(
                    new Pending(
                        rows.getLong(1),
                        rows.getString(2),
                        PaperCodec.decode(rows.getString(3)),
                        rows.getString(4),
                        rows.getString(5)));
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
                      + " AND "
                      + OutboxRows.REWRITABLE)) {
            update.setString(1, text);
            update.setString(2, replyText);
            Jdbc.setInstant(update, 3, now);
            update.setLong(4, id);
            return update.executeUpdate() == 1;
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
}

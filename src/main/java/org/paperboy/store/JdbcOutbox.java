package org.paperboy.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.model.PostRef;
import org.paperboy.model.Subject;
import org.paperboy.model.Tid;

/**
 * The outbox: claiming the next due post, and recording how sending it ended. Every change of state
 * is one transaction, and a post is marked {@link OutboxState#SENDING} (committed) before it is
 * handed to a platform, so a crash in between is visible afterwards. Thread-safe.
 */
public final class JdbcOutbox {

  private final DataSource dataSource;
  private final Dialect dialect;

  public JdbcOutbox(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * Claims the account's oldest due post and marks it {@link OutboxState#SENDING}, outside a
   * cluster; see {@link #claimNext(String, Instant, Instant, String, Instant)}.
   */
  public Optional<Claim> claimNext(String accountId, Instant now, Instant staleBefore) {
    return claimNext(accountId, now, staleBefore, null, null);
  }

  /**
   * Claims the account's oldest due post and marks it {@link OutboxState#SENDING}, in one
   * transaction. Due are queued and retrying posts whose time has come, unknown ones whose next
   * look has come (not those waiting for a maintainer), and posts left sending by a process that
   * died: since before {@code staleBefore}, or at once when claimed by a cluster node that has not
   * checked in since {@code aliveSince} (see {@link JdbcNodes}).
   *
   * @param node this node's id, or {@code null} outside a cluster
   */
  public Optional<Claim> claimNext(
      String accountId, Instant now, Instant staleBefore, String node, Instant aliveSince) {
    String abandoned =
        node == null
            ? ""
            : " OR (state = 'SENDING' AND claimed_by IS NOT NULL AND claimed_by NOT IN"
                + " (SELECT id FROM nodes WHERE last_seen > ?))";
    return Jdbc.transaction(
        dataSource,
        "claiming the next post of account " + accountId,
        c -> {
          OutboxItem item;
          Instant firstSent;
          Tid postKey;
          Subject subject;
          Long pictureId;
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT "
                      + OutboxRows.COLUMNS
                      + ", first_sent_at, created_at, post_key, subject_title, subject_link,"
                      + " subject_summary, picture_id FROM outbox WHERE account_id = ? AND ("
                      + " (state IN ('QUEUED', 'RETRYING')"
                      + "   AND (not_before IS NULL OR not_before <= ?))"
                      + " OR (state = 'UNKNOWN' AND not_before <= ?)"
                      + " OR (state = 'SENDING' AND updated_at < ?)"
                      + abandoned
                      + ") ORDER BY COALESCE(paper_date, created_at), id"
                      + " FETCH FIRST 1 ROWS ONLY"
                      + dialect.claimLock())) {
            select.setString(1, accountId);
            Jdbc.setInstant(select, 2, now);
            Jdbc.setInstant(select, 3, now);
            Jdbc.setInstant(select, 4, staleBefore);
            if (node != null) {
              Jdbc.setInstant(select, 5, aliveSince);
            }
            try (ResultSet rows = select.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              item = OutboxRows.read(rows);
              firstSent = Jdbc.getInstant(rows, "first_sent_at");
              postKey = postKey(rows, item.id());
              subject =
                  new Subject(
                      orEmpty(rows.getString("subject_title")),
                      orEmpty(rows.getString("subject_link")),
                      orEmpty(rows.getString("subject_summary")));
              long picture = rows.getLong("picture_id");
              pictureId = rows.wasNull() ? null : picture;
            }
          }
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'SENDING', attempts = attempts + 1, updated_at = ?,"
                      + " claimed_by = ?, first_sent_at = COALESCE(first_sent_at, ?)"
                      + " WHERE id = ?")) {
            Jdbc.setInstant(update, 1, now);
            update.setString(2, node);
            Jdbc.setInstant(update, 3, now);
            update.setLong(4, item.id());
            update.executeUpdate();
          }
          boolean unknown =
              item.state() == OutboxState.UNKNOWN || item.state() == OutboxState.SENDING;
          return Optional.of(
              new Claim(
                  new OutboxItem(
                      item.id(),
                      item.accountId(),
                      item.feedId(),
                      item.text(),
                      item.replyText(),
                      OutboxState.SENDING,
                      item.attempts() + 1,
                      item.notBefore(),
                      item.lastError()),
                  unknown,
                  firstSent == null ? now : firstSent,
                  postKey,
                  subject,
                  pictureId));
        });
  }

  /**
   * The key a post was queued with; a post queued before keys were kept gets one made from when it
   * was queued and its id, the same at every claim.
   */
  private static Tid postKey(ResultSet rows, long id) throws SQLException {
    String key = rows.getString("post_key");
    if (key != null) {
      return Tid.parse(key);
    }
    Instant queued = Jdbc.getInstant(rows, "created_at");
    return new Tid(ChronoUnit.MICROS.between(Instant.EPOCH, queued), (int) (id % 1024));
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  /**
   * Records that part {@code part} of {@code item} (0 the post, 1 its reply) was posted, and when
   * it was the last part, marks the item posted. One transaction.
   *
   * @param post the post on the platform, or {@code null} when it exists but was not given back
   */
  public void markSent(OutboxItem item, int part, PostRef post, Instant now) {
    boolean last = part == (item.replyText() == null ? 0 : 1);
    Jdbc.transaction(
        dataSource,
        "recording post " + item.id() + " of account " + item.accountId() + " as posted",
        c -> {
          if (last) {
            OutboxRows.setState(c, item.id(), OutboxState.POSTED, null, null, now);
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO posts (outbox_id, account_id, remote_id, text, posted_at, part, url)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, item.id());
            insert.setString(2, item.accountId());
            insert.setString(3, post == null ? null : post.id());
            insert.setString(4, part == 0 ? item.text() : item.replyText());
            Jdbc.setInstant(insert, 5, now);
            insert.setInt(6, part);
            insert.setString(7, post == null ? null : Jdbc.fit(post.url(), 1000));
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
   * Marks the posts a process left sending when it died as unknown, to be looked up at once before
   * they are sent again. Call only when no other process can be sending (the embedded database is
   * single-process); returns how many there were.
   */
  public int recoverInterrupted(Instant now) {
    return Jdbc.transaction(
        dataSource,
        "settling posts left sending",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'UNKNOWN', not_before = ?, updated_at = ?,"
                      + " last_error = ? WHERE state = 'SENDING'")) {
            Jdbc.setInstant(update, 1, now);
            Jdbc.setInstant(update, 2, now);
            update.setString(
                3,
                "outcome unknown: the process stopped while sending; it is looked up on the"
                    + " platform (or repeated with its key) before it is sent again");
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

  /**
   * Marks {@code item} unknown: it may exist. It is looked up at {@code notBefore}, or with {@code
   * null} it waits for a maintainer.
   */
  public void markUnknown(OutboxItem item, Instant notBefore, String reason, Instant now) {
    update(item, OutboxState.UNKNOWN, notBefore, reason, now);
  }

  /**
   * The earliest moment one of the account's posts is or becomes due: {@code now} or before when
   * one is due already, a retry's or a wait's end otherwise; {@code null} when the account has
   * nothing to send (posts awaiting approval or a maintainer are not due).
   */
  public Instant earliestDue(String accountId, Instant now) {
    return Jdbc.transaction(
        dataSource,
        "reading when account " + accountId + " has a post due",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT MIN(not_before) AS waits,"
                      + " SUM(CASE WHEN not_before IS NULL THEN 1 ELSE 0 END) AS due"
                      + " FROM outbox WHERE account_id = ? AND (state IN ('QUEUED', 'RETRYING')"
                      + " OR (state = 'UNKNOWN' AND not_before IS NOT NULL))")) {
            select.setString(1, accountId);
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              Instant waits = Jdbc.getInstant(rows, "waits");
              boolean dueNow = rows.getLong("due") > 0;
              if (dueNow) {
                return waits != null && waits.isBefore(now) ? waits : now;
              }
              return waits;
            }
          }
        });
  }

  /** Gives {@code item} up, keeping the reason. */
  public void markFailed(OutboxItem item, String reason, Instant now) {
    update(item, OutboxState.FAILED, null, reason, now);
  }

  /**
   * Puts a claimed {@code item} back untried (the account cannot post now), in {@code state}:
   * queued, or unknown when it must still be looked up first. Its attempt is not counted.
   *
   * @param notBefore when it may be tried again, or {@code null} (an unknown post needs a time)
   */
  public void release(
      OutboxItem item, OutboxState state, Instant notBefore, String reason, Instant now) {
    Jdbc.transaction(
        dataSource,
        "returning post " + item.id() + " to the queue",
        c -> {
          OutboxRows.setState(c, item.id(), state, notBefore, reason, now);
          try (PreparedStatement update =
              c.prepareStatement("UPDATE outbox SET attempts = attempts - 1 WHERE id = ?")) {
            update.setLong(1, item.id());
            update.executeUpdate();
          }
          return null;
        });
  }

  private void update(
      OutboxItem item, OutboxState state, Instant notBefore, String reason, Instant now) {
    Jdbc.transaction(
        dataSource,
        "recording post " + item.id() + " as " + state,
        c -> {
          OutboxRows.setState(c, item.id(), state, notBefore, reason, now);
          return null;
        });
  }
}

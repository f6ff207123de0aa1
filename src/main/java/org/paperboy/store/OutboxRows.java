package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;

/** The outbox table's columns and state changes, as every outbox store reads and writes them. */
final class OutboxRows {

  static final String COLUMNS =
      "id, account_id, feed_id, text, reply_text, state, attempts, not_before, last_error";

  /** {@link OutboxState#NOT_YET_SENT} as an SQL list: {@code ('QUEUED', …)}. */
  static final String NOT_YET_SENT = in(OutboxState.NOT_YET_SENT);

  /** The condition on an outbox row none of whose parts (a thread's post, its reply) is out. */
  private static final String NOTHING_POSTED =
      "NOT EXISTS (SELECT 1 FROM posts p WHERE p.outbox_id = outbox.id)";

  /**
   * The condition on an outbox row whose text a maintainer may edit: it has not reached the
   * platform (not yet sent, or failed and to be retried as edited), and no part of it is posted (a
   * thread whose first post is out keeps the text it was posted with). An unknown post is never
   * edited: it may be on the platform as it is.
   */
  static final String EDITABLE =
      "state IN ("
          + NOT_YET_SENT.substring(1, NOT_YET_SENT.length() - 1)
          + ", 'FAILED') AND "
          + NOTHING_POSTED;

  /**
   * The condition on an outbox row whose text a changed config may rewrite: not yet sent, no part
   * of it posted, and not edited by a maintainer (an edit is what gets posted). An unknown post is
   * never rewritten: it may be on the platform as it is.
   */
  static final String REWRITABLE =
      "state IN " + NOT_YET_SENT + " AND edited_at IS NULL AND " + NOTHING_POSTED;

  private OutboxRows() {}

  /** {@code states} as an SQL list, in a fixed order: {@code ('QUEUED', 'RETRYING')}. */
  static String in(Collection<OutboxState> states) {
    return states.stream()
        .sorted()
        .map(state -> "'" + state.name() + "'")
        .collect(Collectors.joining(", ", "(", ")"));
  }

  static OutboxItem read(ResultSet rows) throws SQLException {
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

  static void setState(
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
}

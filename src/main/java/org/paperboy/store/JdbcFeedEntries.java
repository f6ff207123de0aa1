package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.paperboy.model.OutboxState;

/**
 * The entries each feed showed and what became of each, for maintainers: read only. Thread-safe.
 */
public final class JdbcFeedEntries {

  private final DataSource dataSource;

  public JdbcFeedEntries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The {@code limit} entries {@code feedId} showed last, newest first. One transaction. */
  public List<RecordedEntry> recent(String feedId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    return Jdbc.transaction(
        dataSource,
        "reading the entries of feed " + feedId,
        c -> {
          List<RecordedEntry> entries = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT p.identity_key, p.title, p.link, e.seen_at FROM feed_entries e"
                      + " JOIN papers p ON p.id = e.paper_id WHERE e.feed_id = ?"
                      + " ORDER BY e.seen_at DESC, p.id DESC FETCH FIRST ? ROWS ONLY")) {
            select.setString(1, feedId);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                entries.add(
                    new RecordedEntry(
                        rows.getString("title"),
                        rows.getString("link"),
                        Jdbc.getInstant(rows, "seen_at"),
                        accounts(c, rows.getString("identity_key"))));
              }
            }
          }
          return entries;
        });
  }

  /** Each account's paper of one identity, with the post queued for it. */
  private static List<RecordedEntry.ForAccount> accounts(Connection c, String identityKey)
      throws SQLException {
    List<RecordedEntry.ForAccount> accounts = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT p.account_id, p.feed_id, p.not_posted_because, o.id AS post_id, o.state,"
                + " o.last_error, (SELECT MIN(s.url) FROM posts s WHERE s.outbox_id = o.id"
                + " AND s.part = 0) AS url FROM papers p LEFT JOIN outbox o ON o.paper_id = p.id"
                + " WHERE p.identity_key = ? ORDER BY p.account_id")) {
      select.setString(1, identityKey);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long postId = rows.getLong("post_id");
          boolean queued = !rows.wasNull();
          accounts.add(
              new RecordedEntry.ForAccount(
                  rows.getString("account_id"),
                  rows.getString("feed_id"),
                  rows.getString("not_posted_because"),
                  queued ? postId : null,
                  queued ? OutboxState.valueOf(rows.getString("state")) : null,
                  rows.getString("last_error"),
                  rows.getString("url")));
        }
      }
    }
    return accounts;
  }
}

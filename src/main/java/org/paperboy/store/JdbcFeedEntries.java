package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The {@code limit} entries {@code feedId} showed last, newest first: those recorded, and those
   * its polls could make no post of for any account (not recorded, judged again at each poll). One
   * transaction.
   */
  public List<RecordedEntry> recent(String feedId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    return Jdbc.transaction(
        dataSource,
        "reading the entries of feed " + feedId,
        c -> {
          List<RecordedEntry> entries = unrecorded(c, feedId, limit);
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT e.entry_key, p.identity_key, p.title, p.link, e.seen_at"
                      + " FROM feed_entries e JOIN papers p ON p.id = e.paper_id"
                      + " WHERE e.feed_id = ? ORDER BY e.seen_at DESC, p.id DESC"
                      + " FETCH FIRST ? ROWS ONLY")) {
            select.setString(1, feedId);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                entries.add(
                    new RecordedEntry(
                        rows.getString("title"),
                        rows.getString("link"),
                        Jdbc.getInstant(rows, "seen_at"),
                        accounts(c, rows.getString("identity_key")),
                        left(c, feedId, rows.getString("entry_key")),
                        true));
              }
            }
          }
          entries.sort(Comparator.comparing(RecordedEntry::seenAt).reversed());
          return entries.size() > limit ? new ArrayList<>(entries.subList(0, limit)) : entries;
        });
  }

  /** The entries of the feed that no account could take, newest first. */
  private static List<RecordedEntry> unrecorded(Connection c, String feedId, int limit)
      throws SQLException {
    Map<String, RecordedEntry> entries = new LinkedHashMap<>();
    Map<String, List<RecordedEntry.Left>> reasons = new LinkedHashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT l.entry_key, l.account_id, l.title, l.link, l.reason, l.seen_at"
                + " FROM feed_left_entries l WHERE l.feed_id = ? AND NOT EXISTS (SELECT 1"
                + " FROM feed_entries e WHERE e.feed_id = l.feed_id AND e.entry_key = l.entry_key)"
                + " ORDER BY l.seen_at DESC, l.entry_key, l.account_id")) {
      select.setString(1, feedId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next() && entries.size() <= limit) {
          String key = rows.getString("entry_key");
          reasons
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(new RecordedEntry.Left(rows.getString("account_id"), rows.getString("reason")));
          entries.putIfAbsent(
              key,
              new RecordedEntry(
                  rows.getString("title"),
                  rows.getString("link"),
                  Jdbc.getInstant(rows, "seen_at"),
                  List.of(),
                  List.of(),
                  false));
        }
      }
    }
    List<RecordedEntry> unrecorded = new ArrayList<>();
    entries.forEach(
        (key, entry) ->
            unrecorded.add(
                new RecordedEntry(
                    entry.title(),
                    entry.link(),
                    entry.seenAt(),
                    List.of(),
                    reasons.get(key),
                    false)));
    return unrecorded;
  }

  /** The accounts a poll could make no post of a recorded entry for, and why. */
  private static List<RecordedEntry.Left> left(Connection c, String feedId, String entryKey)
      throws SQLException {
    List<RecordedEntry.Left> left = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT account_id, reason FROM feed_left_entries WHERE feed_id = ? AND entry_key = ?"
                + " ORDER BY account_id")) {
      select.setString(1, feedId);
      select.setString(2, entryKey);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          left.add(new RecordedEntry.Left(rows.getString(1), rows.getString(2)));
        }
      }
    }
    return left;
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

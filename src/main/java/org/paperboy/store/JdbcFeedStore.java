package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.paperboy.model.FeedOverview;

/**
 * Each feed's row: validators for conditional GET, its last status and its error count.
 * Thread-safe.
 */
public final class JdbcFeedStore {

  private final DataSource dataSource;

  public JdbcFeedStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What is known of {@code feedId}; {@link FeedState#NEW} for a feed never polled. */
  public FeedState state(String feedId) {
    return Jdbc.transaction(
        dataSource,
        "reading the state of feed " + feedId,
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT etag, last_modified, last_polled_at, error_count, last_error,"
                      + " last_status, next_poll_at FROM feeds WHERE id = ?")) {
            select.setString(1, feedId);
            try (ResultSet rows = select.executeQuery()) {
              if (!rows.next()) {
                return FeedState.NEW;
              }
              return new FeedState(
                  rows.getString("last_status") != null,
                  rows.getString("etag"),
                  rows.getString("last_modified"),
                  Jdbc.getInstant(rows, "last_polled_at"),
                  rows.getInt("error_count"),
                  rows.getString("last_error"),
                  Jdbc.getInstant(rows, "next_poll_at"));
            }
          }
        });
  }

  /**
   * Records a successful poll: new validators, a status line, the error count reset.
   *
   * @param nextPollAt the earliest next poll the server allows (its max-age), or {@code null}
   */
  public void recordSuccess(
      String feedId,
      String url,
      String etag,
      String lastModified,
      String status,
      Instant now,
      Instant nextPollAt) {
    Jdbc.transaction(
        dataSource,
        "recording a poll of feed " + feedId,
        c -> {
          ensureRow(c, feedId, url);
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE feeds SET url = ?, etag = ?, last_modified = ?, last_polled_at = ?,"
                      + " last_status = ?, last_error = NULL, error_count = 0, next_poll_at = ?"
                      + " WHERE id = ?")) {
            update.setString(1, url);
            update.setString(2, Jdbc.fit(etag, 1000));
            update.setString(3, Jdbc.fit(lastModified, 100));
            Jdbc.setInstant(update, 4, now);
            update.setString(5, Jdbc.fit(status, 2000));
            Jdbc.setInstant(update, 6, nextPollAt);
            update.setString(7, feedId);
            update.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Records a failed poll: the reason, one more error in a row, and when to try again. Validators
   * stay, so the next poll is still conditional. A feed whose first poll fails stays "never
   * polled".
   */
  public void recordFailure(
      String feedId, String url, String error, Instant now, Instant nextPollAt) {
    Jdbc.transaction(
        dataSource,
        "recording a failed poll of feed " + feedId,
        c -> {
          ensureRow(c, feedId, url);
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE feeds SET url = ?, last_polled_at = ?, last_error = ?,"
                      + " error_count = error_count + 1, next_poll_at = ? WHERE id = ?")) {
            update.setString(1, url);
            Jdbc.setInstant(update, 2, now);
            update.setString(3, Jdbc.fit(error, 2000));
            Jdbc.setInstant(update, 4, nextPollAt);
            update.setString(5, feedId);
            update.executeUpdate();
          }
          return null;
        });
  }

  /** Every feed Paperboy has polled or scheduled, by id. */
  public List<FeedOverview> overview() {
    return Jdbc.transaction(
        dataSource,
        "reading the feeds",
        c -> {
          List<FeedOverview> feeds = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT f.id, f.url, f.last_polled_at, f.last_status, f.last_error,"
                      + " f.error_count, f.next_poll_at, f.next_fire_at,"
                      + " (SELECT COUNT(*) FROM feed_entries e WHERE e.feed_id = f.id) AS seen,"
                      + " (SELECT MAX(e.seen_at) FROM feed_entries e WHERE e.feed_id = f.id) AS last_new"
                      + " FROM feeds f ORDER BY f.id")) {
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                feeds.add(
                    new FeedOverview(
                        rows.getString("id"),
                        rows.getString("url"),
                        Jdbc.getInstant(rows, "last_polled_at"),
                        rows.getString("last_status"),
                        rows.getString("last_error"),
                        rows.getInt("error_count"),
                        rows.getInt("seen"),
                        Jdbc.getInstant(rows, "last_new"),
                        Jdbc.getInstant(rows, "next_poll_at"),
                        Jdbc.getInstant(rows, "next_fire_at")));
              }
            }
          }
          return feeds;
        });
  }

  /**
   * Records when the schedule next polls {@code feedId}, as the scheduler says.
   *
   * @param nextFireAt the next firing, or {@code null} when it will not fire again
   */
  public void recordNextFire(String feedId, String url, Instant nextFireAt) {
    Jdbc.transaction(
        dataSource,
        "recording the next poll of feed " + feedId,
        c -> {
          ensureRow(c, feedId, url);
          try (PreparedStatement update =
              c.prepareStatement("UPDATE feeds SET next_fire_at = ? WHERE id = ?")) {
            Jdbc.setInstant(update, 1, nextFireAt);
            update.setString(2, feedId);
            update.executeUpdate();
          }
          return null;
        });
  }

  /** The style digest each feed's queued posts were written with, by feed id. */
  public Map<String, String> styles() {
    return Jdbc.transaction(
        dataSource,
        "reading the feeds' styles",
        c -> {
          Map<String, String> styles = new HashMap<>();
          try (PreparedStatement select =
                  c.prepareStatement("SELECT id, style FROM feeds WHERE style IS NOT NULL");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              styles.put(rows.getString(1), rows.getString(2));
            }
          }
          return styles;
        });
  }

  /** Records the style digest {@code feedId}'s queued posts are now written with. */
  public void recordStyle(String feedId, String url, String style) {
    Jdbc.transaction(
        dataSource,
        "recording the style of feed " + feedId,
        c -> {
          ensureRow(c, feedId, url);
          try (PreparedStatement update =
              c.prepareStatement("UPDATE feeds SET style = ? WHERE id = ?")) {
            update.setString(1, style);
            update.setString(2, feedId);
            update.executeUpdate();
          }
          return null;
        });
  }

  private static void ensureRow(Connection c, String feedId, String url) throws SQLException {
    try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM feeds WHERE id = ?")) {
      exists.setString(1, feedId);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO feeds (id, url, error_count) VALUES (?, ?, 0)")) {
      insert.setString(1, feedId);
      insert.setString(2, url);
      insert.executeUpdate();
    }
  }
}

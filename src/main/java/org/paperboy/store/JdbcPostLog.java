package org.paperboy.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.paperboy.model.PostRecord;

/** The posts made: what the account has posted, for pacing and for the maintainers. Thread-safe. */
public final class JdbcPostLog {

  private final DataSource dataSource;

  public JdbcPostLog(DataSource dataSource) {
    this.dataSource = dataSource;
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
                  "SELECT p.account_id, o.feed_id, p.remote_id, p.text, p.posted_at, p.part, p.url"
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
                        rows.getInt(6),
                        rows.getString(7)));
              }
            }
            return posts;
          }
        });
  }
}

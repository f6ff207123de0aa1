package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.paperboy.model.Picture;

/**
 * Papers' pictures, fetched once when the paper is queued and shared by every account that posts
 * it, kept while a post that carries one is still to be sent (or is being sent, or its outcome is
 * unknown, or it failed lately and may be queued again): then forgotten, so the database does not
 * keep pictures forever. Thread-safe.
 */
public final class JdbcPictures {

  private final DataSource dataSource;

  public JdbcPictures(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The picture {@code id}, or empty when it was forgotten. */
  public Optional<Picture> load(long id) {
    return Jdbc.transaction(
        dataSource,
        "reading picture " + id,
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT bytes, mime_type, width, height, alt, source_url FROM pictures"
                      + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Picture(
                      rows.getBytes(1),
                      rows.getString(2),
                      rows.getInt(3),
                      rows.getInt(4),
                      rows.getString(5),
                      rows.getString(6)));
            }
          }
        });
  }

  /**
   * Forgets the pictures no post still needs: every post that carries one is posted, or failed
   * before {@code failedBefore} (a failed post may be queued again, with its picture, until then).
   *
   * @return how many were forgotten
   */
  public int forgetUnneeded(Instant failedBefore) {
    return Jdbc.transaction(
        dataSource,
        "forgetting pictures no post needs",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM pictures WHERE NOT EXISTS (SELECT 1 FROM outbox"
                      + " WHERE outbox.picture_id = pictures.id"
                      + " AND (outbox.state NOT IN ('POSTED', 'FAILED')"
                      + " OR (outbox.state = 'FAILED' AND outbox.updated_at >= ?)))")) {
            Jdbc.setInstant(delete, 1, failedBefore);
            return delete.executeUpdate();
          }
        });
  }

  /** Stores {@code picture} in the transaction of {@code c}; its id. */
  static long insert(Connection c, Picture picture, Instant now) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO pictures (bytes, mime_type, width, height, alt, source_url, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setBytes(1, picture.bytes());
      insert.setString(2, picture.mimeType());
      insert.setInt(3, picture.width());
      insert.setInt(4, picture.height());
      insert.setString(5, Jdbc.fit(picture.alt(), 4000));
      insert.setString(6, Jdbc.fit(picture.source(), 2000));
      Jdbc.setInstant(insert, 7, now);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}

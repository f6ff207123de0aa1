package org.paperboy.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The nodes of a cluster and when each last checked in: a node silent for long enough is taken for
 * dead, and the posts it was sending are taken over (see {@link JdbcOutbox#claimNext}).
 * Thread-safe.
 */
public final class JdbcNodes {

  private final DataSource dataSource;

  public JdbcNodes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records that {@code nodeId} is alive at {@code now}. */
  public void beat(String nodeId, Instant now) {
    Jdbc.transaction(
        dataSource,
        "recording that node " + nodeId + " is alive",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE nodes SET last_seen = ? WHERE id = ?")) {
            Jdbc.setInstant(update, 1, now);
            update.setString(2, nodeId);
            if (update.executeUpdate() == 1) {
              return null;
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement("INSERT INTO nodes (id, last_seen) VALUES (?, ?)")) {
            insert.setString(1, nodeId);
            Jdbc.setInstant(insert, 2, now);
            insert.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Forgets {@code nodeId}, which stopped cleanly; and nodes silent since before {@code before}.
   */
  public void forget(String nodeId, Instant before) {
    Jdbc.transaction(
        dataSource,
        "forgetting node " + nodeId,
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM nodes WHERE id = ? OR last_seen < ?")) {
            delete.setString(1, nodeId);
            Jdbc.setInstant(delete, 2, before);
            delete.executeUpdate();
          }
          return null;
        });
  }
}

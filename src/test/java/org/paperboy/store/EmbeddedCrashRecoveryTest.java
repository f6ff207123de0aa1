package org.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.db.Store;
import org.h2.mvstore.tx.TransactionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.model.PaperIdentity;
import org.paperboy.model.PaperKey;

/**
 * The embedded database after a kill that landed in the middle of a commit. H2 first marks a
 * transaction committed in its undo log, then rewrites the transaction's rows one by one; another
 * thread's commit can write that half-done state to the file, and a kill then leaves it there.
 * Opening the database again must finish the commit. H2 2.5.x does not: it keeps the transaction's
 * rows at their old values and the next write to one of them spins forever, which is how a
 * restarted Paperboy hung after a kill.
 */
class EmbeddedCrashRecoveryTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

  @TempDir Path dir;

  @Test
  void aCommitCutShortByAKillIsFinishedWhenTheDatabaseOpensAgain() throws Exception {
    try (Database live = Database.open("jdbc:h2:" + dir.resolve("live"), "", "")) {
      new JdbcPaperStore(live.dataSource())
          .record(
              new NewPaper(
                  new PaperKey("lab", PaperIdentity.parse("doi:10.1/a")),
                  "f",
                  "g1",
                  "10.1/a",
                  null,
                  "A",
                  T0,
                  "post a",
                  null,
                  false,
                  null,
                  null,
                  null,
                  null,
                  null),
              T0);
      try (Connection c = live.dataSource().getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement posted = c.prepareStatement("UPDATE outbox SET state = 'POSTED'")) {
          posted.executeUpdate();
        }
        writeHalfCommitted(c);
        // What a kill at this moment leaves on disk.
        Files.copy(dir.resolve("live.mv.db"), dir.resolve("killed.mv.db"));
      }
    }

    try (Database killed = Database.open("jdbc:h2:" + dir.resolve("killed"), "", "")) {
      JdbcOutbox outbox = new JdbcOutbox(killed.dataSource(), killed.dialect());
      JdbcQueue queue = new JdbcQueue(killed.dataSource());
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () -> {
            assertThat(outbox.claimNext("lab", T0, T0)).as("nothing left to send").isEmpty();
            assertThat(queue.items("lab"))
                .extracting(OutboxItem::state)
                .containsExactly(OutboxState.POSTED);
          });
    }
  }

  /**
   * Does the first step of H2's commit of {@code c}'s transaction, and writes the store to the file
   * as another thread's commit would.
   */
  private static void writeHalfCommitted(Connection c) throws Exception {
    SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    Store store = session.getDatabase().getStore();
    int transaction = session.getTransaction().getId();
    Method mark =
        Arrays.stream(TransactionStore.class.getDeclaredMethods())
            .filter(m -> m.getName().equals("markUndoLogAsCommitted"))
            .findFirst()
            .orElseThrow();
    mark.setAccessible(true);
    // H2 2.5 added a second parameter, the commit's version: any will do. Keeping both forms lets
    // this test judge an upgrade.
    if (mark.getParameterCount() == 1) {
      mark.invoke(store.getTransactionStore(), transaction);
    } else {
      mark.invoke(store.getTransactionStore(), transaction, 1L);
    }
    store.getMvStore().commit();
  }
}

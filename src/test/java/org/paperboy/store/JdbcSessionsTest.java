package org.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paperboy.model.Session;
import org.paperboy.testing.Postgres;

/**
 * Sessions as nodes sharing a database keep them: the last one kept is the one read, and nodes
 * keeping theirs at the same moment (each refreshed when the access token expired) never collide.
 */
class JdbcSessionsTest {

  private static Database open(String kind) {
    return kind.equals("h2")
        ? Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")
        : Database.open(Postgres.freshDatabase(), "postgres", "postgres");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void theLastSessionKeptIsTheOneRead(String kind) {
    try (Database database = open(kind)) {
      JdbcSessions sessions = new JdbcSessions(database.dataSource(), Clock.systemUTC());

      sessions.save("lab", new Session("did:plc:lab", "access-1", "refresh-1"));
      sessions.save("lab", new Session("did:plc:lab", "access-2", "refresh-2"));
      sessions.save("other", new Session("did:plc:other", "access-3", "refresh-3"));

      assertThat(sessions.load("lab"))
          .hasValue(new Session("did:plc:lab", "access-2", "refresh-2"));
      assertThat(sessions.load("none")).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void nodesKeepingASessionAtTheSameMomentNeverCollide(String kind) throws Exception {
    int nodes = 6;
    ExecutorService threads = Executors.newFixedThreadPool(nodes);
    try (Database database = open(kind)) {
      JdbcSessions sessions = new JdbcSessions(database.dataSource(), Clock.systemUTC());
      for (int round = 0; round < 20; round++) {
        String account = "account-" + round;
        CyclicBarrier together = new CyclicBarrier(nodes);
        List<Future<?>> saves = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
          Session session = new Session("did:plc:x", "access-" + node, "refresh-" + node);
          saves.add(
              threads.submit(
                  () -> {
                    together.await();
                    sessions.save(account, session); // the first for this account
                    sessions.save(account, session); // and another, over a neighbour's
                    return null;
                  }));
        }
        for (Future<?> save : saves) {
          save.get();
        }

        assertThat(sessions.load(account)).get().extracting(Session::did).isEqualTo("did:plc:x");
      }
    } finally {
      threads.shutdownNow();
    }
  }
}

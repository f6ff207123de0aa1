package org.paperboy.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.paperboy.store.JdbcNodes;
import org.paperboy.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's check-in, for the cluster's notion of a live node: every {@link #INTERVAL} it records
 * that it is alive, and a node silent for {@link #SILENCE} (three missed check-ins) is taken for
 * dead, so that the posts it was sending are taken over. Quartz checks in at the same interval.
 */
public final class NodeHeartbeat implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

  /** How often a node checks in. */
  public static final Duration INTERVAL = Duration.ofSeconds(5);

  /** How long a node may be silent before it counts as dead. */
  public static final Duration SILENCE = INTERVAL.multipliedBy(3);

  private final JdbcNodes nodes;
  private final String nodeId;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "paperboy-heartbeat");
            thread.setDaemon(true);
            return thread;
          });

  /** Checks in once at once, then every {@link #INTERVAL}, as a node with a new id. */
  public NodeHeartbeat(JdbcNodes nodes, Clock clock) {
    this.nodes = nodes;
    this.clock = clock;
    this.nodeId = newId();
    nodes.beat(nodeId, clock.instant());
    timer.scheduleWithFixedDelay(
        this::beat, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** This node's id: its host and process, and a random part that a restart changes. */
  public String nodeId() {
    return nodeId;
  }

  /** The moment before which a node's last check-in means it is dead. */
  public static Instant aliveSince(Instant now) {
    return now.minus(SILENCE);
  }

  private void beat() {
    try {
      nodes.beat(nodeId, clock.instant());
    } catch (StoreException e) {
      log.warn("node {}: cannot check in: {}", nodeId, e.getMessage());
    }
  }

  private static String newId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    long pid = ProcessHandle.current().pid();
    return host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Stops checking in, and says this node is gone (and forgets nodes long dead). */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
      nodes.forget(nodeId, clock.instant().minus(Duration.ofDays(1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (StoreException e) {
      log.warn("node {}: cannot sign off: {}", nodeId, e.getMessage());
    }
  }
}

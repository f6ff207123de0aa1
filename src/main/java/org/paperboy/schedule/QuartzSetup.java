package org.paperboy.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.paperboy.store.Dialect;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz's settings for Paperboy: its JDBC job store in Paperboy's own database, sharing its pool,
 * and on PostgreSQL a cluster whose nodes check in as often as {@link NodeHeartbeat} does.
 */
final class QuartzSetup {

  private QuartzSetup() {}

  /** A scheduler, not yet started, whose jobs and triggers live in {@code dataSource}. */
  static Scheduler scheduler(DataSource dataSource, Dialect dialect) throws SchedulerException {
    // Quartz looks its data source up by name; ours is registered as a provider, not built by
    // Quartz from properties, so that one pool serves both.
    String dataSourceName = "paperboy-" + UUID.randomUUID();
    DBConnectionManager.getInstance()
        .addConnectionProvider(dataSourceName, new PooledProvider(dataSource));
    Properties properties = new Properties();
    properties.setProperty("org.quartz.scheduler.instanceName", "paperboy");
    properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty("org.quartz.threadPool.threadCount", "4");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    properties.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        switch (dialect) {
          case H2 -> "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
          case POSTGRESQL -> "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";
        });
    properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
    properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    properties.setProperty("org.quartz.jobStore.useProperties", "true");
    properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    if (dialect.clustered()) {
      // Each firing runs on one node, and a dead node's work moves to another.
      properties.setProperty("org.quartz.jobStore.isClustered", "true");
      properties.setProperty(
          "org.quartz.jobStore.clusterCheckinInterval",
          Long.toString(NodeHeartbeat.INTERVAL.toMillis()));
    }
    return new StdSchedulerFactory(properties).getScheduler();
  }

  /** Hands Quartz connections from Paperboy's pool. */
  private record PooledProvider(DataSource dataSource) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
      // The pool belongs to Paperboy's Database, which closes it.
    }

    @Override
    public void initialize() {
      // Nothing to set up: the pool is open.
    }
  }
}

package org.paperboy;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.paperboy.config.DashboardConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.observe.Health;
import org.paperboy.observe.HttpEndpoints;
import org.paperboy.observe.Metrics;
import org.paperboy.store.Database;
import org.paperboy.store.JdbcDashboardSessions;
import org.paperboy.web.Dashboard;
import org.paperboy.web.DashboardSettings;
import org.paperboy.web.DashboardUser;
import org.paperboy.web.Probe;

/**
 * What {@code run} serves on {@code paperboy.http.port}: {@code /health} and {@code /metrics}, on
 * the JDK's server; with the dashboard enabled, the dashboard and the same two beside it, open for
 * probes. The dashboard acts through the same operations as the command line, on the service's
 * database and the config in force.
 */
final class HttpServing {

  /** A server listening. */
  interface Served extends AutoCloseable {
    int port();

    @Override
    void close();
  }

  private static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Database database;
  private final Metrics metrics;
  private final Accounts platforms;
  private final Clock clock;

  HttpServing(Database database, Metrics metrics, Accounts platforms, Clock clock) {
    this.database = database;
    this.metrics = metrics;
    this.platforms = platforms;
    this.clock = clock;
  }

  /**
   * Starts serving for {@code config}, which has a port.
   *
   * @param health the service's health, asked at each request
   * @param parts the pipeline in force, with its config, asked at each request
   */
  Served start(PaperboyConfig config, Supplier<Health> health, Supplier<PaperboyEngine.Parts> parts)
      throws IOException {
    if (!config.dashboard().enabled()) {
      HttpEndpoints endpoints =
          new HttpEndpoints(config.http().host(), config.http().port(), health, metrics);
      return served(endpoints.port(), endpoints::close);
    }
    DashboardConfig settings = config.dashboard();
    Dashboard dashboard =
        new Dashboard(
            new DashboardSettings(
                config.http().host(),
                config.http().port(),
                settings.idleTimeout(),
                settings.maxFailedLogins(),
                settings.lockout(),
                settings.behindProxy()),
            name -> user(parts.get().config(), name),
            new PaperboyMaintenance(
                database, false, () -> parts.get().config(), platforms::rules, clock),
            new Previewing(parts),
            new JdbcDashboardSessions(database.dataSource()),
            clock,
            List.of(
                new Probe(
                    "/health",
                    () -> {
                      Health now = health.get();
                      return new Probe.Answer(now.up() ? 200 : 503, "application/json", now.json());
                    }),
                new Probe(
                    "/metrics", () -> new Probe.Answer(200, METRICS_TYPE, metrics.scrape()))));
    return served(dashboard.port(), dashboard::close);
  }

  /** A user of {@code config}'s dashboard, as the dashboard knows users. */
  private static Optional<DashboardUser> user(PaperboyConfig config, String name) {
    return Optional.ofNullable(config.dashboard().users().get(name))
        .map(
            user ->
                new DashboardUser(
                    user.name(), user.password(), user.role() == DashboardConfig.Role.EDITOR));
  }

  private static Served served(int port, Runnable stop) {
    return new Served() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public void close() {
        stop.run();
      }
    };
  }
}

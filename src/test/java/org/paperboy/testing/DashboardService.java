package org.paperboy.testing;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.paperboy.cli.Engine;
import org.paperboy.config.PaperboyConfig;

/**
 * Paperboy's service running with its dashboard on a free loopback port, as {@code run} runs it:
 * the scheduler polls and posts, and the dashboard is served beside {@code /health}. Its users are
 * anna, an editor, and ben, a viewer, with passwords from the environment.
 */
public final class DashboardService implements AutoCloseable {

  public static final String ANNA_PASSWORD = "anna-password-0457";
  public static final String BEN_PASSWORD = "ben-password-0458";

  /** The service tests' variables, and the dashboard's passwords. */
  public static final Map<String, String> ENVIRONMENT = environment();

  private final Engine engine;
  private final int port;

  /**
   * Writes {@code config} with the dashboard's block to {@code file} and starts the service.
   *
   * @param config the database, accounts and feeds
   * @param dashboard more of the dashboard's settings, such as {@code behind-proxy = true}
   */
  public DashboardService(Path file, String config, String dashboard, Clock clock)
      throws Exception {
    Files.writeString(
        file,
        config
            + """
            paperboy.http.port = 0
            paperboy.dashboard {
              enabled = true
              users {
                anna { password = ${DASH_ANNA}, role = editor }
                ben { password = ${DASH_BEN}, role = viewer }
              }
              %s
            }
            """
                .formatted(dashboard));
    PaperboyConfig loaded = TestPaperboy.loader(ENVIRONMENT).load(file);
    engine = TestPaperboy.open(loaded, clock, new ByteArrayOutputStream());
    engine.start();
    port = engine.httpPort().orElseThrow();
  }

  /** The dashboard's address of {@code path}: {@code http://127.0.0.1:port/queue}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public int port() {
    return port;
  }

  public Engine engine() {
    return engine;
  }

  @Override
  public void close() {
    engine.close();
  }

  private static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(TestConfig.ENVIRONMENT);
    environment.put("DASH_ANNA", ANNA_PASSWORD);
    environment.put("DASH_BEN", BEN_PASSWORD);
    return Map.copyOf(environment);
  }
}

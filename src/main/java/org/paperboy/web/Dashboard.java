package org.paperboy.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.paperboy.model.DashboardSessions;
import org.paperboy.operate.Operations;
import org.paperboy.operate.Previews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintainers' dashboard, served with the probes beside it: started by the constructor, stopped
 * by {@link #close}. Every page but the login form, the style sheet and the probes needs a session;
 * every form carries its session's token.
 */
public final class Dashboard implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

  // What every page may load and where its forms may go: only the dashboard itself. A script that
  // escaped the templates' escaping would still not run.
  private static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final Javalin app;

  /**
   * @param users the users of the config in force, by name: a user removed from it is logged out
   * @param operations what the pages show and change, as the command line does
   * @param previews what a feed would post now
   * @param sessions where sessions and wrong passwords are kept
   * @param probes the pages served without a login ({@code /health}, {@code /metrics})
   */
  public Dashboard(
      DashboardSettings settings,
      Function<String, Optional<DashboardUser>> users,
      Operations operations,
      Previews previews,
      DashboardSessions sessions,
      Clock clock,
      List<Probe> probes) {
    Templates templates = new Templates();
    Requests requests = new Requests(settings.behindProxy());
    Cookies cookies = new Cookies(requests);
    Set<String> open = new HashSet<>(Set.of("/login", "/dashboard.css", "/favicon.ico"));
    probes.forEach(probe -> open.add(probe.path()));
    Guard guard =
        new Guard(
            open, settings.idleTimeout(), users, sessions, requests, cookies, templates, clock);
    Logins logins =
        new Logins(
            users,
            sessions,
            new LoginThrottle(sessions, settings.maxFailedLogins(), settings.lockout(), clock),
            settings.idleTimeout(),
            guard,
            requests,
            cookies,
            new Secrets(),
            templates,
            clock);
    QueuePages queue = new QueuePages(operations, guard, templates, clock);
    FeedPages feeds = new FeedPages(operations, previews, templates, clock);
    String css = resource("dashboard.css");
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              // A few maintainers and probes: a small pool, not Jetty's 200 threads.
              config.jetty.threadPool = new QueuedThreadPool(16, 2);
              // SIGTERM's stop must end within ten seconds; pages answer in far less.
              config.jetty.modifyServer(server -> server.setStopTimeout(2000));
              config.http.maxRequestSize = 256 * 1024;
              config.routes.before(
                  ctx -> {
                    headers(ctx);
                    guard.check(ctx);
                  });
              for (Probe probe : probes) {
                config.routes.get(probe.path(), ctx -> answer(ctx, probe.answer().get()));
              }
              config.routes.get(
                  "/dashboard.css",
                  ctx ->
                      ctx.header("Cache-Control", "max-age=3600")
                          .contentType("text/css; charset=utf-8")
                          .result(css));
              // Browsers ask for it by themselves; there is none.
              config.routes.get("/favicon.ico", ctx -> ctx.status(HttpStatus.NO_CONTENT));
              config.routes.get("/", ctx -> ctx.redirect("/queue", HttpStatus.SEE_OTHER));
              config.routes.get("/login", logins::form);
              config.routes.post("/login", logins::login);
              config.routes.post("/logout", logins::logout);
              config.routes.get("/queue", queue::queue);
              config.routes.post("/queue/{id}", queue::act);
              config.routes.get("/queue/{id}/edit", queue::editForm);
              config.routes.post("/queue/{id}/edit", queue::edit);
              config.routes.get("/feeds", feeds::feeds);
              config.routes.get("/feeds/{id}", feeds::feed);
              config.routes.get("/feeds/{id}/preview", feeds::preview);
              config.routes.get("/history", feeds::history);
              // A path whose id is not a number, such as /queue/abc/edit.
              config.routes.exception(
                  ValidationException.class,
                  (e, ctx) ->
                      templates.render(
                          ctx,
                          404,
                          "error.jte",
                          new ErrorPage(
                              Guard.viewer(ctx), 404, "Not found", "there is no " + ctx.path())));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    log.error(
                        "dashboard: {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
                    Viewer viewer = Guard.viewer(ctx);
                    // Only a maintainer logged in is told what failed; the log says it to all.
                    String why =
                        viewer == null
                            ? "Paperboy could not do that; its log says why"
                            : "Paperboy could not do that ("
                                + e.getMessage()
                                + "); its log says more";
                    templates.render(
                        ctx, 500, "error.jte", new ErrorPage(viewer, 500, "Failed", why));
                  });
            });
    app.start(settings.host(), settings.port());
  }

  /** The port it listens on (the one asked for, or the one chosen for port 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
  }

  private static void answer(Context ctx, Probe.Answer answer) {
    ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
  }

  private static String resource(String name) {
    try (InputStream in = Dashboard.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

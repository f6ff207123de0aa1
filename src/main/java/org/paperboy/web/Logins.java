package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.paperboy.model.DashboardSession;
import org.paperboy.model.DashboardSessions;

/**
 * Logging in and out. A login opens a new session with a new random id (so an id known before the
 * login is worth nothing after it); the password is compared in constant time and never logged;
 * wrong ones count towards a lockout.
 */
final class Logins {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  // A token as Secrets makes one: 32 bytes in URL-safe Base64.
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final Function<String, Optional<DashboardUser>> users;
  private final DashboardSessions sessions;
  private final LoginThrottle throttle;
  private final Duration idleTimeout;
  private final Guard guard;
  private final Requests requests;
  private final Cookies cookies;
  private final Secrets secrets;
  private final Templates templates;
  private final Clock clock;

  Logins(
      Function<String, Optional<DashboardUser>> users,
      DashboardSessions sessions,
      LoginThrottle throttle,
      Duration idleTimeout,
      Guard guard,
      Requests requests,
      Cookies cookies,
      Secrets secrets,
      Templates templates,
      Clock clock) {
    this.users = users;
    this.sessions = sessions;
    this.throttle = throttle;
    this.idleTimeout = idleTimeout;
    this.guard = guard;
    this.requests = requests;
    this.cookies = cookies;
    this.secrets = secrets;
    this.templates = templates;
    this.clock = clock;
  }

  /** {@code GET /login}: the form, or the queue for someone logged in already. */
  void form(Context ctx) {
    if (guard.session(ctx).isPresent()) {
      ctx.redirect("/queue", HttpStatus.SEE_OTHER);
      return;
    }
    String ended = ctx.queryParam("ended");
    String message =
        "idle".equals(ended)
            ? "Your session ended after " + idleTimeout.toMinutes() + " minutes without a request."
            : "logout".equals(ended) ? "You are logged out." : null;
    form(ctx, 200, message);
  }

  private void form(Context ctx, int status, String message) {
    // The browser's token is kept while it has one: a second tab, or a request the browser makes
    // by itself, must not replace the token of a form already on screen.
    String token =
        Cookies.get(ctx, Cookies.LOGIN)
            .filter(value -> TOKEN.matcher(value).matches())
            .orElseGet(secrets::token);
    cookies.set(ctx, Cookies.LOGIN, token);
    templates.render(ctx, status, "login.jte", new LoginPage(token, message));
  }

  /** {@code POST /login}. */
  void login(Context ctx) {
    String foreign = requests.foreignOrigin(ctx);
    if (foreign != null) {
      guard.refuse(ctx, foreign);
      return;
    }
    Optional<String> token = Cookies.get(ctx, Cookies.LOGIN);
    if (token.isEmpty() || !Secrets.same(ctx.formParam("csrf"), token.get())) {
      guard.refuse(
          ctx,
          "the login form carried no valid token: open the login page again (the dashboard needs"
              + " cookies)");
      return;
    }
    String name = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String address = requests.address(ctx);
    Optional<Instant> refused = throttle.refusedUntil(name, address);
    if (refused.isPresent()) {
      ctx.header("Retry-After", Long.toString(throttle.secondsUntil(refused.get())));
      form(
          ctx,
          429,
          "Too many wrong passwords: logins for this user or from this address are refused until "
              + TIME.format(refused.get())
              + ".");
      return;
    }
    Optional<DashboardUser> user = users.apply(name.toLowerCase(Locale.ROOT));
    // Compared even for a name no user has, so that the time taken does not tell names apart.
    boolean good =
        Secrets.same(password, user.map(DashboardUser::password).orElse(null)) && user.isPresent();
    if (!good) {
      throttle.failed(name, address);
      form(ctx, 401, "Wrong user name or password.");
      return;
    }
    throttle.succeeded(name, address);
    Instant now = clock.instant();
    sessions.closeIdle(now.minus(idleTimeout));
    String id = secrets.token();
    sessions.open(
        new DashboardSession(Secrets.sha256(id), user.get().name(), secrets.token(), now, null));
    cookies.clear(ctx, Cookies.LOGIN);
    cookies.set(ctx, Cookies.SESSION, id);
    ctx.redirect("/queue", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /logout}, its token checked by the guard: the session ends here. */
  void logout(Context ctx) {
    guard.session(ctx).ifPresent(session -> sessions.close(session.idHash()));
    cookies.clear(ctx, Cookies.SESSION);
    ctx.redirect("/login?ended=logout", HttpStatus.SEE_OTHER);
  }
}

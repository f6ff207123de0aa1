package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.paperboy.model.DashboardSession;
import org.paperboy.model.DashboardSessions;

/**
 * Lets a request through to a page only with an open session of a user the config still holds, and
 * a form only with its session's token, from the dashboard's own origin, and from an editor (but
 * logging out). Everything else: a GET goes to the login form, a POST is refused with 403.
 */
final class Guard {

  private static final String VIEWER = "paperboy.viewer";
  private static final String SESSION = "paperboy.session";
  private static final String IDLE = "paperboy.idle";
  // A session's last request is written at most this often, not at every page.
  private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);

  private final Set<String> open;
  private final Duration idleTimeout;
  private final Function<String, Optional<DashboardUser>> users;
  private final DashboardSessions sessions;
  private final Requests requests;
  private final Cookies cookies;
  private final Templates templates;
  private final Clock clock;

  /**
   * @param open the paths served without a session: the login form, the style sheet, the probes
   * @param users the users of the config in force, by name
   */
  Guard(
      Set<String> open,
      Duration idleTimeout,
      Function<String, Optional<DashboardUser>> users,
      DashboardSessions sessions,
      Requests requests,
      Cookies cookies,
      Templates templates,
      Clock clock) {
    this.open = Set.copyOf(open);
    this.idleTimeout = idleTimeout;
    this.users = users;
    this.sessions = sessions;
    this.requests = requests;
    this.cookies = cookies;
    this.templates = templates;
    this.clock = clock;
  }

  /** The before-handler of every request. */
  void check(Context ctx) {
    if (open.contains(ctx.path())) {
      return;
    }
    boolean post = ctx.method() == HandlerType.POST;
    Optional<DashboardSession> found = session(ctx);
    Optional<DashboardUser> user = found.flatMap(s -> users.apply(s.username()));
    if (found.isEmpty() || user.isEmpty()) {
      found.ifPresent(s -> sessions.close(s.idHash()));
      if (post) {
        refuse(ctx, "you are not logged in: log in, then send the form again");
      } else {
        ctx.skipRemainingHandlers();
        ctx.redirect(
            ctx.attribute(IDLE) != null ? "/login?ended=idle" : "/login", HttpStatus.SEE_OTHER);
      }
      return;
    }
    DashboardSession session = found.get();
    if (post) {
      String foreign = requests.foreignOrigin(ctx);
      if (foreign != null) {
        refuse(ctx, foreign);
        return;
      }
      if (!Secrets.same(ctx.formParam("csrf"), session.csrfToken())) {
        refuse(
            ctx,
            "the form carried no valid token of your session: reload the page, then send it again");
        return;
      }
      if (!user.get().editor() && !ctx.path().equals("/logout")) {
        refuse(ctx, user.get().name() + " is a viewer, who may look but not change the queue");
        return;
      }
    }
    Instant now = clock.instant();
    String flash = post ? null : session.flash();
    if (flash != null || Duration.between(session.lastSeen(), now).compareTo(TOUCH_EVERY) > 0) {
      sessions.touch(session.idHash(), now, post ? session.flash() : null);
    }
    ctx.attribute(SESSION, session);
    ctx.attribute(
        VIEWER, new Viewer(user.get().name(), user.get().editor(), session.csrfToken(), flash));
  }

  /** The session of the request, unless it has none, or has been idle for too long. */
  Optional<DashboardSession> session(Context ctx) {
    Optional<DashboardSession> found =
        Cookies.get(ctx, Cookies.SESSION).flatMap(id -> sessions.find(Secrets.sha256(id)));
    if (found.isPresent() && found.get().lastSeen().plus(idleTimeout).isBefore(clock.instant())) {
      sessions.close(found.get().idHash());
      cookies.clear(ctx, Cookies.SESSION);
      ctx.attribute(IDLE, Boolean.TRUE);
      return Optional.empty();
    }
    return found;
  }

  /** Who asked for the page, once {@link #check} let them through. */
  static Viewer viewer(Context ctx) {
    return ctx.attribute(VIEWER);
  }

  /** The next page of the session says {@code message}: what the change just made did. */
  void flash(Context ctx, String message) {
    DashboardSession session = ctx.attribute(SESSION);
    sessions.touch(session.idHash(), clock.instant(), message);
  }

  /** Refuses the request with 403, saying why, and runs nothing else. */
  void refuse(Context ctx, String why) {
    ctx.skipRemainingHandlers();
    templates.render(ctx, 403, "error.jte", new ErrorPage(null, 403, "Refused", why));
  }
}

package org.paperboy.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The dashboard's cookies: {@code HttpOnly}, so no script reads them; {@code SameSite=Lax}, so no
 * other site's form or script sends them along; {@code Secure} over HTTPS.
 */
final class Cookies {

  /** The session's id. */
  static final String SESSION = "paperboy_session";

  /** The login form's token, before there is a session to hold one. */
  static final String LOGIN = "paperboy_login";

  private final Requests requests;

  Cookies(Requests requests) {
    this.requests = requests;
  }

  /** Sets {@code name} for the browser's session (no expiry: the server ends it when idle). */
  void set(Context ctx, String name, String value) {
    ctx.res().addHeader("Set-Cookie", name + "=" + value + attributes(ctx));
  }

  /** Removes {@code name}. */
  void clear(Context ctx, String name) {
    ctx.res().addHeader("Set-Cookie", name + "=; Max-Age=0" + attributes(ctx));
  }

  /** The cookie {@code name}, if the request has it. */
  static Optional<String> get(Context ctx, String name) {
    return Optional.ofNullable(ctx.cookie(name)).filter(value -> !value.isBlank());
  }

  private String attributes(Context ctx) {
    return "; Path=/; HttpOnly; SameSite=Lax" + (requests.https(ctx) ? "; Secure" : "");
  }
}

package org.paperboy.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;

/**
 * What a request says about where it came from, believing a reverse proxy's {@code X-Forwarded-*}
 * headers only when the settings say one forwards to the dashboard: otherwise anyone could claim
 * another address (and escape its lockout) by sending them.
 */
final class Requests {

  private final boolean behindProxy;

  Requests(boolean behindProxy) {
    this.behindProxy = behindProxy;
  }

  /**
   * The client's address: the last one the proxy added to {@code X-Forwarded-For} (what it saw;
   * those before it are the client's own claims), else the connection's.
   */
  String address(Context ctx) {
    String forwarded = behindProxy ? ctx.header("X-Forwarded-For") : null;
    if (forwarded != null && !forwarded.isBlank()) {
      String[] hops = forwarded.split(",");
      return hops[hops.length - 1].strip();
    }
    return ctx.req().getRemoteAddr();
  }

  /** Whether the browser reached it over HTTPS: itself, or the proxy in front that says so. */
  boolean https(Context ctx) {
    return ctx.req().isSecure()
        || (behindProxy && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")));
  }

  /** The origin the browser sees the dashboard at: {@code https://paperboy.example.org}. */
  String origin(Context ctx) {
    String host = behindProxy ? ctx.header("X-Forwarded-Host") : null;
    if (host == null || host.isBlank()) {
      host = ctx.header("Host");
    }
    return (https(ctx) ? "https" : "http") + "://" + (host == null ? "" : host.strip());
  }

  /**
   * Why a form posted with this request did not come from the dashboard's own pages, or {@code
   * null} when nothing says it did not. Browsers send {@code Origin} with every POST, and older
   * ones at least {@code Referer}; a request with neither is left to the form's token.
   */
  String foreignOrigin(Context ctx) {
    String expected = origin(ctx).toLowerCase(Locale.ROOT);
    String origin = ctx.header("Origin");
    if (origin != null) {
      return origin.toLowerCase(Locale.ROOT).equals(expected)
          ? null
          : "the form was sent from " + origin + ", not from " + expected + hint();
    }
    String referer = ctx.header("Referer");
    if (referer != null) {
      String from = originOf(referer);
      return expected.equals(from) ? null : "the form was sent from " + from + hint();
    }
    return null;
  }

  private String hint() {
    return behindProxy
        ? " (is the proxy sending X-Forwarded-Host and X-Forwarded-Proto?)"
        : " (behind a reverse proxy, set paperboy.dashboard.behind-proxy = true)";
  }

  private static String originOf(String url) {
    try {
      URI uri = URI.create(url);
      return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "an unreadable address";
    }
  }
}

package org.paperboy.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.paperboy.model.OutboxState;
import org.paperboy.operate.Ago;

/** Values as the dashboard's pages write them; the templates call these. */
public final class Show {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Show() {}

  /** "awaiting approval", "unknown", as {@code queue list} writes a state. */
  public static String state(OutboxState state) {
    return state.written().replace('-', ' ');
  }

  /** "3h ago", "in 20m", "never": the same words as the command line. */
  public static String ago(Instant when, Instant now) {
    return Ago.relative(when, now);
  }

  /** "2026-11-21 09:00 UTC", or "" for none. */
  public static String time(Instant when) {
    return when == null ? "" : TIME.format(when);
  }

  /**
   * {@code url} when it is a web address ({@code http:} or {@code https:}), else {@code null}: a
   * feed's {@code javascript:} link is never made a link.
   */
  public static String web(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
  }
}

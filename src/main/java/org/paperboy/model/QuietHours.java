package org.paperboy.model;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A daily window without posts, in a timezone; it may span midnight ("22:00-07:00").
 *
 * @param start the first quiet moment of the day
 * @param end the first moment posts may go again
 * @param zone the timezone of both times
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  public QuietHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(zone, "zone");
    if (start.equals(end)) {
      throw new IllegalArgumentException("quiet hours start and end at the same time: " + start);
    }
  }

  /**
   * Parses {@code "22:00-07:00"}.
   *
   * @throws IllegalArgumentException naming the text when it is not two HH:MM times
   */
  public static QuietHours parse(String text, ZoneId zone) {
    String[] parts = text.strip().split("\\s*-\\s*");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "expected two times such as \"22:00-07:00\", found \"" + text + "\"");
    }
    try {
      return new QuietHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]), zone);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected two times such as \"22:00-07:00\", found \"" + text + "\"");
    }
  }

  /** {@code instant} itself when it is outside the window, else the window's end. */
  public Instant nextOpen(Instant instant) {
    ZonedDateTime at = instant.atZone(zone);
    LocalTime time = at.toLocalTime();
    boolean wraps = start.isAfter(end);
    boolean quiet =
        wraps
            ? !time.isBefore(start) || time.isBefore(end)
            : !time.isBefore(start) && time.isBefore(end);
    if (!quiet) {
      return instant;
    }
    ZonedDateTime open = at.with(end).withNano(0);
    if (!open.isAfter(at)) {
      open = open.plusDays(1).with(end);
    }
    return open.toInstant();
  }
}

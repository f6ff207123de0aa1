package org.paperboy.fetch;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What response headers say about when to ask again. */
final class CacheHeaders {

  private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*max-age\\s*=\\s*\"?(\\d+)");
  // Servers have asked for absurd waits; a day is the most Paperboy honours.
  private static final Duration LONGEST = Duration.ofDays(1);

  private CacheHeaders() {}

  /** {@code Cache-Control: max-age} (RFC 9111 §5.2.2.1), unless no-cache or no-store. */
  static Optional<Duration> maxAge(HttpHeaders headers) {
    String cacheControl =
        String.join(",", headers.allValues("Cache-Control")).toLowerCase(Locale.ROOT);
    if (cacheControl.contains("no-cache") || cacheControl.contains("no-store")) {
      return Optional.empty();
    }
    Matcher m = MAX_AGE.matcher(cacheControl);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(min(Duration.ofSeconds(Long.parseLong(m.group(1)))));
    } catch (NumberFormatException e) {
      return Optional.of(LONGEST);
    }
  }

  /** {@code Retry-After} in seconds or as an HTTP date (RFC 9110 §10.2.3). */
  static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(min(Duration.ofSeconds(Long.parseLong(value.get()))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Optional.empty() : Optional.of(min(wait));
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static Duration min(Duration duration) {
    return duration.compareTo(LONGEST) > 0 ? LONGEST : duration;
  }
}

package org.paperboy.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Durations as maintainers write and read them: {@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}.
 */
final class Ago {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d|w)");

  private Ago() {}

  /** Parses {@code --since 7d}. */
  static final class Converter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "expected a duration such as 90s, 15m, 2h, 7d or 2w, found " + value);
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
    }
  }

  /** "3h ago", "in 20m", or "never". */
  static String relative(Instant when, Instant now) {
    if (when == null) {
      return "never";
    }
    Duration between = Duration.between(when, now);
    return between.isNegative() ? "in " + span(between.negated()) : span(between) + " ago";
  }

  static String span(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 120) {
      return seconds + "s";
    }
    if (seconds < 7200) {
      return seconds / 60 + "m";
    }
    if (seconds < 172_800) {
      return seconds / 3600 + "h";
    }
    return seconds / 86_400 + "d";
  }
}

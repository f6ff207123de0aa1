package org.paperboy.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code --since 7d}: durations as maintainers write them, {@code 90s} to {@code 2w}. */
final class SinceConverter implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d|w)");

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

package org.paperboy.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.paperboy.model.Notice;
import org.paperboy.model.Placeholder;

/**
 * Reads the values that are more than a string, a number or a duration: URLs, schedules, hashtags,
 * templates, patterns, notices and dates. Each records a problem naming the key and the value when
 * it cannot read one, and returns empty.
 */
final class Values {

  private static final Pattern DURATION = Pattern.compile("\\d+(\\.\\d+)?\\s*[a-zA-Z]*");
  private static final Pattern HASHTAG =
      Pattern.compile("#?[\\p{L}\\p{M}\\p{Nd}_]*\\p{L}[\\p{L}\\p{M}\\p{Nd}_]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Set<Placeholder> ALT_PLACEHOLDERS =
      EnumSet.of(
          Placeholder.TITLE,
          Placeholder.JOURNAL,
          Placeholder.FIRST_AUTHOR,
          Placeholder.DOI,
          Placeholder.DATE);
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private final CronValidator cron;

  Values(CronValidator cron) {
    this.cron = cron;
  }

  /**
   * A feed's address: an http or https URL, a {@code file:} URI, or a file path. A relative path is
   * read from the folder of the file that declares it, so a config and its bundled feeds move
   * together.
   */
  Optional<URI> feedUrl(ConfigReader reader, String text) {
    String value = text.strip();
    Matcher scheme = SCHEME.matcher(value);
    String name = scheme.find() ? scheme.group().toLowerCase(Locale.ROOT) : "";
    if (name.equals("http:") || name.equals("https:")) {
      return httpUrl(reader, "url", value);
    }
    String path = value;
    if (name.equals("file:")) {
      try {
        URI uri = new URI(value);
        path = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath();
      } catch (URISyntaxException e) {
        path = value.substring(name.length());
      }
    } else if (!name.isEmpty() && name.length() > 2) {
      // A one-letter "scheme" is a Windows drive; anything longer is a URL Paperboy cannot fetch.
      reader.problem(
          "url", "expected an http or https URL, a file: URI or a file path, found " + value);
      return Optional.empty();
    }
    if (path == null || path.isBlank()) {
      reader.problem("url", "expected a file path after file:, found " + value);
      return Optional.empty();
    }
    return Optional.of(reader.folderOf("url").resolve(path).normalize().toUri());
  }

  /** An http or https URL with a host. */
  static Optional<URI> httpUrl(ConfigReader reader, String key, String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    reader.problem(key, "expected an http or https URL with a host, found " + text);
    return Optional.empty();
  }

  /** A duration such as {@code 15m}, or a cron expression the scheduler accepts. */
  Optional<Schedule> schedule(ConfigReader reader, String text) {
    String value = text.strip();
    if (DURATION.matcher(value).matches()) {
      Optional<Duration> interval = reader.duration("schedule");
      if (interval.isPresent() && interval.get().compareTo(Duration.ofSeconds(1)) < 0) {
        reader.problem("schedule", "must be at least 1s, found " + value);
        return Optional.empty();
      }
      return interval.map(Schedule.Every::new);
    }
    if (cron.isValid(value)) {
      return Optional.of(new Schedule.Cron(value));
    }
    reader.problem(
        "schedule",
        "expected a duration such as 15m or a Quartz cron expression such as \"0 0/30 * * * ?\","
            + " found \""
            + value
            + "\"");
    return Optional.empty();
  }

  /** Hashtags, each given its leading {@code #}. */
  static Optional<List<String>> hashtags(ConfigReader reader, String key, List<String> tags) {
    List<String> normalised = new ArrayList<>();
    boolean valid = true;
    for (String tag : tags) {
      String trimmed = tag.strip();
      if (!HASHTAG.matcher(trimmed).matches()) {
        reader.problem(
            key,
            "expected hashtags of letters, digits and _ with at least one letter, found \""
                + tag
                + "\"");
        valid = false;
      } else {
        normalised.add(trimmed.startsWith("#") ? trimmed : "#" + trimmed);
      }
    }
    return valid ? Optional.of(normalised) : Optional.empty();
  }

  /** True when {@code template} holds placeholders, and only known ones. */
  static boolean template(ConfigReader reader, String key, String template) {
    boolean valid = true;
    boolean any = false;
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      any = true;
      if (Placeholder.byToken(m.group(1)).isEmpty()) {
        reader.problem(
            key,
            "unknown placeholder {"
                + m.group(1)
                + "}; known: "
                + String.join(" ", Placeholder.written()));
        valid = false;
      }
    }
    if (!any) {
      reader.problem(
          key, "holds no placeholder; known: " + String.join(" ", Placeholder.written()));
      valid = false;
    }
    return valid;
  }

  /**
   * True when {@code template}, a picture's alt text, names only what describes a paper: {@code
   * {title}}, {@code {journal}}, {@code {first_author}}, {@code {doi}} and {@code {date}}; it may
   * name none.
   */
  static boolean altTemplate(ConfigReader reader, String key, String template) {
    List<String> known = ALT_PLACEHOLDERS.stream().map(p -> "{" + p.token() + "}").toList();
    boolean valid = true;
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      Optional<Placeholder> placeholder = Placeholder.byToken(m.group(1));
      if (placeholder.isEmpty() || !ALT_PLACEHOLDERS.contains(placeholder.get())) {
        reader.problem(
            key,
            "{" + m.group(1) + "} cannot describe a picture; known: " + String.join(" ", known));
        valid = false;
      }
    }
    if (template.isBlank()) {
      reader.problem(key, "is empty: a picture's alt text must say something");
      valid = false;
    }
    return valid;
  }

  static List<Pattern> patterns(ConfigReader reader, String key, List<String> regexes) {
    List<Pattern> patterns = new ArrayList<>();
    for (String regex : regexes) {
      pattern(reader, key, regex).ifPresent(patterns::add);
    }
    return patterns;
  }

  static Optional<Pattern> pattern(ConfigReader reader, String key, String regex) {
    try {
      return Optional.of(Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      reader.problem(
          key,
          "is not a valid regular expression: \""
              + regex
              + "\" ("
              + e.getDescription()
              + " at index "
              + e.getIndex()
              + ")");
      return Optional.empty();
    }
  }

  static Set<Notice> notices(ConfigReader reader, List<String> names) {
    Set<Notice> notices = new HashSet<>();
    for (String name : names) {
      Optional<Notice> notice = Notice.byConfigName(name);
      if (notice.isEmpty()) {
        List<String> known = new ArrayList<>();
        for (Notice n : Notice.values()) {
          known.add(n.configName());
        }
        reader.problem("skip", "unknown notice " + name + "; known: " + known);
      } else {
        notices.add(notice.get());
      }
    }
    return notices;
  }

  /** A date such as {@code 2026-05-31}, or {@code null} when the key is null. */
  static LocalDate date(ConfigReader reader, String key) {
    Optional<String> text = reader.optionalString(key);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text.get().strip());
    } catch (DateTimeParseException e) {
      reader.problem(key, "expected a date such as 2026-05-31, found " + text.get());
      return null;
    }
  }
}

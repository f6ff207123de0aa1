package org.paperboy.config;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.paperboy.model.QuietHours;

/** Reads one {@code paperboy.accounts.<id>} block into an {@link AccountConfig}. */
final class AccountReader {

  private static final String[] X_SECRETS = {
    "consumer-key", "consumer-secret", "access-token", "access-token-secret"
  };

  /** The account, or empty when the block had a problem (each one recorded). */
  Optional<AccountConfig> read(ConfigBlock block) {
    ConfigReader reader = block.reader();
    int problemsBefore = reader.problemCount();
    Optional<Platform> platform =
        reader
            .string("platform")
            .flatMap(
                name -> {
                  Optional<Platform> known = Platform.byConfigName(name);
                  if (known.isEmpty()) {
                    reader.problem(
                        "platform",
                        "expected one of " + Platform.configNames() + ", found " + name);
                  }
                  return known;
                });
    Optional<Duration> minSpacing = reader.duration("min-spacing");
    minSpacing
        .filter(Duration::isNegative)
        .ifPresent(d -> reader.problem("min-spacing", "must not be negative, found " + d));
    Optional<Integer> maxPerDay = reader.integer("max-per-day");
    maxPerDay
        .filter(n -> n < 1)
        .ifPresent(n -> reader.problem("max-per-day", "must be at least 1, found " + n));
    QuietHours quietHours = quietHours(reader);
    Optional<Boolean> approval = reader.bool("approval");
    Optional<AccountConfig.Retry> retry = retry(reader);
    URI apiBaseUrl = null;
    XCredentials credentials = null;
    if (platform.orElse(null) == Platform.X) {
      apiBaseUrl =
          reader
              .string("api-base-url")
              .flatMap(u -> Values.httpUrl(reader, "api-base-url", u))
              .orElse(null);
      credentials = credentials(block);
    }
    boolean incompleteX =
        platform.orElse(null) == Platform.X && (apiBaseUrl == null || credentials == null);
    if (reader.problemCount() > problemsBefore || platform.isEmpty() || incompleteX) {
      return Optional.empty();
    }
    return Optional.of(
        new AccountConfig(
            block.id(),
            platform.get(),
            apiBaseUrl,
            credentials,
            minSpacing.orElseThrow(),
            maxPerDay.orElseThrow(),
            quietHours,
            approval.orElseThrow(),
            retry.orElseThrow()));
  }

  private static QuietHours quietHours(ConfigReader reader) {
    Optional<ZoneId> zone =
        reader
            .string("timezone")
            .flatMap(
                name -> {
                  try {
                    return Optional.of(ZoneId.of(name));
                  } catch (DateTimeException e) {
                    reader.problem(
                        "timezone",
                        "expected a timezone such as Europe/London or UTC, found " + name);
                    return Optional.empty();
                  }
                });
    Optional<String> quiet = reader.string("quiet-hours");
    if (quiet.isPresent() && !quiet.get().isBlank() && zone.isPresent()) {
      try {
        return QuietHours.parse(quiet.get(), zone.get());
      } catch (IllegalArgumentException e) {
        reader.problem("quiet-hours", e.getMessage());
      }
    }
    return null;
  }

  private static Optional<AccountConfig.Retry> retry(ConfigReader reader) {
    reader.unknownKeysIn("retry", "paperboy.defaults.account.retry");
    Optional<Duration> initialDelay = reader.duration("retry.initial-delay");
    Optional<Duration> maxDelay = reader.duration("retry.max-delay");
    Optional<Integer> maxAttempts = reader.integer("retry.max-attempts");
    initialDelay
        .filter(d -> d.isNegative() || d.isZero())
        .ifPresent(d -> reader.problem("retry.initial-delay", "must be positive, found " + d));
    if (initialDelay.isPresent()
        && maxDelay.isPresent()
        && maxDelay.get().compareTo(initialDelay.get()) < 0) {
      reader.problem(
          "retry.max-delay",
          "must not be shorter than retry.initial-delay, found " + maxDelay.get());
    }
    maxAttempts
        .filter(n -> n < 1)
        .ifPresent(n -> reader.problem("retry.max-attempts", "must be at least 1, found " + n));
    if (initialDelay.isEmpty() || maxDelay.isEmpty() || maxAttempts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AccountConfig.Retry(initialDelay.get(), maxDelay.get(), maxAttempts.get()));
  }

  /** The X keys, each from the environment; {@code null} when one is missing or in a file. */
  private static XCredentials credentials(ConfigBlock block) {
    List<String> values = new ArrayList<>();
    for (String key : X_SECRETS) {
      block.secret(key, "X").ifPresent(values::add);
    }
    if (values.size() != X_SECRETS.length) {
      return null;
    }
    return new XCredentials(values.get(0), values.get(1), values.get(2), values.get(3));
  }

  /** The environment variable an operator would name for {@code key} of {@code account}. */
  static String variableFor(String platform, String account, String key) {
    return (platform + "_" + account + "_" + key).toUpperCase(Locale.ROOT).replace('-', '_');
  }
}

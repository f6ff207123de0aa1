package org.paperboy.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.paperboy.model.QuietHours;

/**
 * Reads one {@code paperboy.accounts.<id>} block into an {@link AccountConfig}: the keys every
 * account has, then its platform's own ({@link PlatformSettingsReader}).
 */
final class AccountReader {

  private final PlatformSettingsReader platforms = new PlatformSettingsReader();

  /**
   * The account, or empty when the block had a problem (each one recorded).
   *
   * @param platform the block's platform, read already to choose its keys; empty when it had none
   *     Paperboy knows (recorded)
   */
  Optional<AccountConfig> read(ConfigBlock block, Optional<Platform> platform) {
    ConfigReader reader = block.reader();
    int problemsBefore = reader.problemCount();
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
    Optional<Boolean> images = reader.bool("images");
    Optional<PlatformSettings> settings = platform.flatMap(p -> platforms.read(p, block));
    if (reader.problemCount() > problemsBefore || settings.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AccountConfig(
            block.id(),
            platform.get(),
            settings.get(),
            minSpacing.orElseThrow(),
            maxPerDay.orElseThrow(),
            quietHours,
            approval.orElseThrow(),
            retry.orElseThrow(),
            images.orElseThrow()));
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

  /** The environment variable an operator would name for {@code key} of {@code account}. */
  static String variableFor(String platform, String account, String key) {
    return (platform + "_" + account + "_" + key).toUpperCase(Locale.ROOT).replace('-', '_');
  }
}

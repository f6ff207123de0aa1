package org.paperboy.config;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.paperboy.model.Budget;

/** Reads the keys of an account that belong to its platform (reference.conf's defaults.x, …). */
final class PlatformSettingsReader {

  private static final String[] X_SECRETS = {
    "consumer-key", "consumer-secret", "access-token", "access-token-secret"
  };
  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

  /** The platform's settings, or empty when a problem was recorded. */
  Optional<PlatformSettings> read(Platform platform, ConfigBlock block) {
    return switch (platform) {
      case X -> x(block);
      case MASTODON -> mastodon(block);
      case BLUESKY -> bluesky(block);
      case CONSOLE -> Optional.of(new PlatformSettings.Console());
    };
  }

  private Optional<PlatformSettings> x(ConfigBlock block) {
    ConfigReader reader = block.reader();
    Optional<URI> api =
        reader.string("api-base-url").flatMap(u -> Values.httpUrl(reader, "api-base-url", u));
    List<String> keys = new ArrayList<>();
    for (String key : X_SECRETS) {
      block.secret(key, "X").ifPresent(keys::add);
    }
    reader.unknownKeysIn("budget", "paperboy.defaults.x.budget");
    Optional<Budget> budget = budget(reader);
    if (api.isEmpty() || keys.size() != X_SECRETS.length || budget == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PlatformSettings.X(
            api.get(),
            new XCredentials(keys.get(0), keys.get(1), keys.get(2), keys.get(3)),
            budget.orElse(null)));
  }

  /** The budget: empty for none ({@code per-month = null}), {@code null} after a problem. */
  private static Optional<Budget> budget(ConfigReader reader) {
    if (reader.optionalString("budget.per-month").isEmpty()) {
      return Optional.empty();
    }
    Optional<BigDecimal> perMonth = reader.money("budget.per-month");
    Optional<BigDecimal> perPost = reader.money("budget.price-per-post");
    Optional<BigDecimal> withLink = reader.money("budget.price-per-post-with-link");
    Optional<BigDecimal> perMedia = reader.money("budget.price-per-media");
    Optional<Integer> day = reader.integer("budget.cycle-starts-on");
    day.filter(d -> d < 1 || d > 28)
        .ifPresent(
            d ->
                reader.problem(
                    "budget.cycle-starts-on",
                    "expected a day of the month from 1 to 28 (every month has it), found " + d));
    if (perMonth.isEmpty()
        || perPost.isEmpty()
        || withLink.isEmpty()
        || perMedia.isEmpty()
        || day.isEmpty()
        || day.get() < 1
        || day.get() > 28) {
      return null;
    }
    return Optional.of(
        new Budget(perMonth.get(), perPost.get(), withLink.get(), perMedia.get(), day.get()));
  }

  private Optional<PlatformSettings> mastodon(ConfigBlock block) {
    ConfigReader reader = block.reader();
    int before = reader.problemCount();
    Optional<URI> instance =
        reader.string("instance-url").flatMap(u -> Values.httpUrl(reader, "instance-url", u));
    Optional<String> token = block.secret("access-token", "MASTODON");
    Optional<String> visibility = reader.string("visibility");
    visibility
        .filter(v -> !v.equals("public") && !v.equals("unlisted"))
        .ifPresent(
            v ->
                reader.problem(
                    "visibility",
                    "expected public or unlisted (a bot's announcements are meant to be found),"
                        + " found "
                        + v));
    Optional<String> language = reader.optionalString("language");
    language
        .filter(l -> !ISO_639_1.contains(l))
        .ifPresent(
            l ->
                reader.problem(
                    "language", "expected a two-letter ISO 639-1 code such as en, found " + l));
    if (reader.problemCount() > before || instance.isEmpty() || token.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PlatformSettings.Mastodon(
            instance.get(), token.get(), visibility.orElseThrow(), language.orElse(null)));
  }

  private Optional<PlatformSettings> bluesky(ConfigBlock block) {
    ConfigReader reader = block.reader();
    int before = reader.problemCount();
    Optional<URI> service =
        reader.string("service-url").flatMap(u -> Values.httpUrl(reader, "service-url", u));
    Optional<String> identifier = reader.string("identifier");
    identifier
        .filter(i -> i.startsWith("@") || !i.contains("."))
        .ifPresent(
            i ->
                reader.problem(
                    "identifier",
                    "expected the account's handle without its @, such as lab.bsky.social, found "
                        + i));
    Optional<String> password = block.secret("app-password", "BLUESKY");
    Optional<String> language = reader.optionalString("language");
    language
        .filter(l -> !ISO_639_1.contains(l.split("-")[0]))
        .ifPresent(
            l ->
                reader.problem(
                    "language",
                    "expected a language tag such as en or pt-BR (BCP 47), found " + l));
    if (reader.problemCount() > before || service.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PlatformSettings.Bluesky(
            service.get(), identifier.orElseThrow(), password.get(), language.orElse(null)));
  }

  /**
   * The keys {@code reference.conf} declares for {@code platform}'s accounts, beside the common.
   */
  static Set<String> keysOf(Platform platform) {
    return platform.keysPath() == null ? Set.of() : ConfigLoader.declaredKeys(platform.keysPath());
  }
}

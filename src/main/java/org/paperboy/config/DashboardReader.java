package org.paperboy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code paperboy.dashboard}: whether it is on, its users and how logins are guarded. */
final class DashboardReader {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Set<String> USER_KEYS = Set.of("password", "role");

  private DashboardReader() {}

  /**
   * The dashboard's config, or {@code null} after recording its problems.
   *
   * @param reader reads {@code paperboy.dashboard}
   * @param block the block as resolved
   * @param http the HTTP server it is served on, or {@code null} when that block has problems
   */
  static DashboardConfig read(ConfigReader reader, Config block, HttpConfig http) {
    int before = reader.problemCount();
    Optional<Boolean> enabled = reader.bool("enabled");
    Optional<Duration> idle = reader.duration("idle-timeout");
    Optional<Integer> maxFailed = reader.integer("max-failed-logins");
    Optional<Duration> lockout = reader.duration("lockout");
    Optional<Boolean> behindProxy = reader.bool("behind-proxy");
    idle.filter(d -> d.isZero() || d.isNegative())
        .ifPresent(d -> reader.problem("idle-timeout", "must be positive, found " + d));
    lockout
        .filter(d -> d.isZero() || d.isNegative())
        .ifPresent(d -> reader.problem("lockout", "must be positive, found " + d));
    maxFailed
        .filter(n -> n < 1)
        .ifPresent(n -> reader.problem("max-failed-logins", "must be at least 1, found " + n));
    Map<String, DashboardConfig.User> users = users(reader, block);
    if (enabled.orElse(false)) {
      if (users.isEmpty() && reader.problemCount() == before) {
        reader.problem(
            "enabled",
            "the dashboard is enabled but has no users: add users { anna { password ="
                + " ${DASHBOARD_ANNA}, role = editor } }");
      }
      if (http != null && !http.enabled()) {
        reader.problem(
            "enabled",
            "the dashboard is served on paperboy.http.port, which is null: set a port, such as"
                + " paperboy.http.port = 8080");
      }
    }
    if (reader.problemCount() > before) {
      return null;
    }
    return new DashboardConfig(
        enabled.orElseThrow(),
        users,
        idle.orElseThrow(),
        maxFailed.orElseThrow(),
        lockout.orElseThrow(),
        behindProxy.orElseThrow());
  }

  private static Map<String, DashboardConfig.User> users(ConfigReader reader, Config block) {
    Map<String, DashboardConfig.User> users = new LinkedHashMap<>();
    if (!block.hasPath("users") || block.getValue("users").valueType() != ConfigValueType.OBJECT) {
      if (block.hasPath("users")) {
        reader.problem("users", "expected a block of users by name, such as users { anna { … } }");
      }
      return users;
    }
    Config all = block.getConfig("users");
    for (String name : ConfigLoader.keysInFileOrder(all.root())) {
      String key = "users." + ConfigUtil.joinPath(name);
      ConfigValue value = all.root().get(name);
      if (!NAME.matcher(name).matches()) {
        reader.problem(
            key, "user names are lower-case letters, digits, ., - and _, found \"" + name + "\"");
        continue;
      }
      if (value.valueType() != ConfigValueType.OBJECT) {
        reader.problem(
            key,
            "expected { password = …, role = editor or viewer }, found "
                + ConfigReader.render(value));
        continue;
      }
      user(reader, key, name, all.getConfig(ConfigUtil.joinPath(name)))
          .ifPresent(user -> users.put(name, user));
    }
    return users;
  }

  private static Optional<DashboardConfig.User> user(
      ConfigReader parent, String key, String name, Config own) {
    ConfigReader reader = parent.child(own, ConfigFactory.empty(), parent.fullKey(key));
    for (String written : own.root().keySet()) {
      if (!USER_KEYS.contains(written)) {
        reader.problem(written, "unknown key; expected one of [password, role]");
      }
    }
    Optional<String> password = reader.string("password");
    Optional<String> role = reader.string("role");
    String variable = "DASHBOARD_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    if (password.isPresent() && !ConfigLoader.fromUnsetVariable(reader.value("password"))) {
      if (!ConfigLoader.fromEnvironment(reader.value("password"))) {
        reader.problem(
            "password",
            "secrets must come from the environment: write password = ${" + variable + "}");
        password = Optional.empty();
      } else if (password.get().isBlank()) {
        reader.problem("password", "is empty: its environment variable must hold the password");
        password = Optional.empty();
      }
    } else {
      password = Optional.empty();
    }
    Optional<DashboardConfig.Role> parsed =
        role.flatMap(
            r -> {
              try {
                return Optional.of(DashboardConfig.Role.valueOf(r.toUpperCase(Locale.ROOT)));
              } catch (IllegalArgumentException e) {
                reader.problem("role", "expected editor or viewer, found " + r);
                return Optional.empty();
              }
            });
    if (password.isEmpty() || parsed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DashboardConfig.User(name, password.get(), parsed.get()));
  }
}

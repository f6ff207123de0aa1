package org.paperboy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a resolved config into records, recording every problem instead of stopping at the first:
 * the top-level blocks here, each account and feed by its own reader. One use per instance.
 */
final class ConfigValidator {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private final Config config;
  private final Set<String> fileRootKeys;
  private final List<ConfigProblem> problems;
  private final Set<Path> files;
  private final AccountReader accounts = new AccountReader();
  private final FeedReader feeds;

  /**
   * @param config the resolved config, over {@code reference.conf}
   * @param fileRootKeys the top-level keys the files themselves wrote
   * @param problems where every problem is recorded
   * @param files the root file and every file it includes
   * @param cron the scheduler's cron syntax
   */
  ConfigValidator(
      Config config,
      Set<String> fileRootKeys,
      List<ConfigProblem> problems,
      Set<Path> files,
      CronValidator cron) {
    this.files = files;
    this.config = config;
    this.fileRootKeys = fileRootKeys;
    this.problems = problems;
    this.feeds =
        new FeedReader(new Values(cron), new HashtagRuleReader(config), new RosterLoader(problems));
  }

  /** The config's records, or {@code null} when a problem was recorded. */
  PaperboyConfig validate(Path source) {
    for (String key : new TreeSet<>(fileRootKeys)) {
      if (!key.equals("paperboy")) {
        problems.add(
            new ConfigProblem(
                ConfigReader.describe(config.getValue(ConfigUtil.joinPath(key)).origin()),
                key,
                "unknown key: Paperboy reads only the paperboy { … } block"));
      }
    }
    ConfigReader root = reader("paperboy");
    root.unknownKeys(config.getConfig("paperboy"), ConfigLoader.declaredKeys("paperboy"));
    for (String block :
        List.of("account", "x", "mastodon", "bluesky", "feed", "hashtag-rule", "person")) {
      String path = "paperboy.defaults." + block;
      if (ConfigLoader.isObject(config, path)) {
        reader(path).unknownKeys(config.getConfig(path), ConfigLoader.declaredKeys(path));
      }
    }
    DatabaseConfig database = database();
    FetchConfig fetch = fetch();
    HttpConfig http = http();
    DashboardConfig dashboard =
        section("paperboy.dashboard", "{ enabled = … }")
            .map(
                reader ->
                    DashboardReader.read(reader, config.getConfig("paperboy.dashboard"), http))
            .orElse(null);
    Optional<String> logFormat = root.string("log.format");
    logFormat
        .filter(f -> !f.equals("plain") && !f.equals("json"))
        .ifPresent(f -> root.problem("log.format", "expected plain or json, found " + f));
    Map<String, AccountConfig> accountsById = new LinkedHashMap<>();
    Set<String> accountIds = new TreeSet<>();
    for (ConfigBlock block : blocks("accounts", "account")) {
      accountIds.add(block.id());
      accounts.read(block, platformOf(block)).ifPresent(a -> accountsById.put(a.id(), a));
    }
    Map<String, FeedConfig> feedsById = new LinkedHashMap<>();
    for (ConfigBlock block : blocks("feeds", "feed")) {
      feeds.read(block, accountIds).ifPresent(f -> feedsById.put(f.id(), f));
    }
    if (!problems.isEmpty()
        || database == null
        || fetch == null
        || http == null
        || dashboard == null) {
      return null;
    }
    return new PaperboyConfig(
        source,
        files,
        database,
        fetch,
        http,
        dashboard,
        logFormat.orElse("plain").equals("json"),
        accountsById,
        feedsById);
  }

  private HttpConfig http() {
    Optional<ConfigReader> block = section("paperboy.http", "{ port = … }");
    if (block.isEmpty()) {
      return null;
    }
    ConfigReader reader = block.get();
    int before = problems.size();
    Optional<String> host = reader.string("host");
    Integer port = null;
    if (config.hasPath("paperboy.http.port")) {
      port = reader.integer("port").orElse(null);
      if (port != null && (port < 0 || port > 65535)) {
        reader.problem("port", "expected a port from 0 to 65535, or null for none, found " + port);
      }
    }
    return problems.size() > before ? null : new HttpConfig(host.orElseThrow(), port);
  }

  private FetchConfig fetch() {
    Optional<ConfigReader> block = section("paperboy.fetch", "{ read-timeout = … }");
    if (block.isEmpty()) {
      return null;
    }
    ConfigReader reader = block.get();
    int before = problems.size();
    Optional<Duration> connect = reader.duration("connect-timeout");
    Optional<Duration> read = reader.duration("read-timeout");
    Optional<Long> size = reader.bytes("max-body-size");
    Optional<Duration> spacing = reader.duration("per-host-delay");
    spacing
        .filter(Duration::isNegative)
        .ifPresent(d -> reader.problem("per-host-delay", "must not be negative, found " + d));
    connect
        .filter(d -> d.isZero() || d.isNegative())
        .ifPresent(d -> reader.problem("connect-timeout", "must be positive, found " + d));
    read.filter(d -> d.isZero() || d.isNegative())
        .ifPresent(d -> reader.problem("read-timeout", "must be positive, found " + d));
    size.filter(n -> n < 1024)
        .ifPresent(
            n -> reader.problem("max-body-size", "must be at least 1KiB, found " + n + " bytes"));
    if (problems.size() > before) {
      return null;
    }
    return new FetchConfig(
        connect.orElseThrow(), read.orElseThrow(), size.orElseThrow(), spacing.orElseThrow());
  }

  private DatabaseConfig database() {
    Optional<ConfigReader> block = section("paperboy.database", "{ url = … }");
    if (block.isEmpty()) {
      return null;
    }
    ConfigReader reader = block.get();
    Optional<String> url = reader.string("url");
    Optional<String> user = reader.string("user");
    Optional<String> password = reader.string("password");
    if (url.isPresent()
        && !url.get().startsWith("jdbc:h2:")
        && !url.get().startsWith("jdbc:postgresql:")) {
      reader.problem("url", "expected a jdbc:h2: or jdbc:postgresql: URL, found " + url.get());
      return null;
    }
    if (password.isPresent()
        && !password.get().isEmpty()
        && !ConfigLoader.fromEnvironment(reader.value("password"))) {
      reader.problem(
          "password", "secrets must come from the environment: write password = ${DB_PASSWORD}");
    }
    if (url.isEmpty() || user.isEmpty() || password.isEmpty()) {
      return null;
    }
    return new DatabaseConfig(url.get(), user.get(), password.get());
  }

  /** The block at {@code path}, its unknown keys reported; empty when it is not a block. */
  private Optional<ConfigReader> section(String path, String example) {
    if (!ConfigLoader.isObject(config, path)) {
      problems.add(new ConfigProblem(where(path), path, "expected a block " + example));
      return Optional.empty();
    }
    ConfigReader reader = reader(path);
    reader.unknownKeys(config.getConfig(path), ConfigLoader.declaredKeys(path));
    return Optional.of(reader);
  }

  /** The account's platform as written, or empty after recording why there is none. */
  private static Optional<Platform> platformOf(ConfigBlock block) {
    ConfigReader reader = block.reader();
    return reader
        .string("platform")
        .flatMap(
            name -> {
              Optional<Platform> known = Platform.byConfigName(name);
              if (known.isEmpty()) {
                reader.problem(
                    "platform", "expected one of " + Platform.configNames() + ", found " + name);
              }
              return known;
            });
  }

  /**
   * Every {@code paperboy.<section>.<id>} block, read over its defaults; an account's over its
   * platform's defaults too, whose keys it may then use.
   */
  private List<ConfigBlock> blocks(String section, String defaults) {
    String path = "paperboy." + section;
    List<ConfigBlock> blocks = new ArrayList<>();
    if (!ConfigLoader.isObject(config, path)) {
      problems.add(
          new ConfigProblem(where(path), path, "expected a block of " + section + " by id"));
      return blocks;
    }
    Config defaultsBlock = config.getConfig("paperboy.defaults." + defaults);
    Set<String> declared = ConfigLoader.declaredKeys("paperboy.defaults." + defaults);
    for (String id : ConfigLoader.keysInFileOrder(config.getObject(path))) {
      String blockPath = path + "." + ConfigUtil.joinPath(id);
      ConfigValue value = config.getObject(path).get(id);
      if (!ID.matcher(id).matches()) {
        problems.add(
            new ConfigProblem(
                ConfigReader.describe(value.origin()),
                blockPath,
                "ids are lower-case letters, digits, - and _, found \"" + id + "\""));
        continue;
      }
      if (value.valueType() != ConfigValueType.OBJECT) {
        problems.add(
            new ConfigProblem(
                ConfigReader.describe(value.origin()),
                blockPath,
                "expected a block { … }, found " + ConfigReader.render(value)));
        continue;
      }
      Config own = config.getConfig(blockPath);
      Config fallback = defaultsBlock;
      Set<String> keys = declared;
      Optional<Platform> platform =
          section.equals("accounts") ? writtenPlatform(own) : Optional.empty();
      if (platform.isPresent() && platform.get().keysPath() != null) {
        fallback = defaultsBlock.withFallback(config.getConfig(platform.get().keysPath()));
        keys = new TreeSet<>(declared);
        keys.addAll(PlatformSettingsReader.keysOf(platform.get()));
      }
      ConfigReader reader =
          new ConfigReader(own.withFallback(fallback), blockPath, problems, value.origin());
      reader.unknownKeys(own, keys);
      blocks.add(new ConfigBlock(id, blockPath, reader));
    }
    return blocks;
  }

  /** The platform a block names, quietly: a wrong one is reported when the block is read. */
  private Optional<Platform> writtenPlatform(Config own) {
    Config merged = own.withFallback(config.getConfig("paperboy.defaults.account"));
    if (!merged.hasPath("platform")
        || merged.getValue("platform").valueType() != ConfigValueType.STRING) {
      return Optional.empty();
    }
    return Platform.byConfigName(merged.getString("platform"));
  }

  private ConfigReader reader(String path) {
    Config block = config.getConfig(path);
    return new ConfigReader(block, path, problems, block.root().origin());
  }

  private String where(String path) {
    return config.hasPathOrNull(path)
        ? ConfigReader.describe(config.getValue(path).origin())
        : "<config>";
  }
}

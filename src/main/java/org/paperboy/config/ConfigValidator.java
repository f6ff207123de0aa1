package org.paperboy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.paperboy.model.HashtagRule;
import org.paperboy.model.Notice;
import org.paperboy.model.Person;
import org.paperboy.model.Placeholder;
import org.paperboy.model.QuietHours;
import org.quartz.CronExpression;

/**
 * Turns a resolved config into records, recording every problem instead of stopping at the first.
 * One use per instance.
 */
final class ConfigValidator {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern DURATION = Pattern.compile("\\d+(\\.\\d+)?\\s*[a-zA-Z]*");
  private static final Pattern HASHTAG =
      Pattern.compile("#?[\\p{L}\\p{M}\\p{Nd}_]*\\p{L}[\\p{L}\\p{M}\\p{Nd}_]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final String[] SECRETS = {
    "consumer-key", "consumer-secret", "access-token", "access-token-secret"
  };

  private final Config config;
  private final Set<String> fileRootKeys;
  private final List<ConfigProblem> problems;
  private final RosterLoader rosters;
  private final Set<Path> files;

  ConfigValidator(
      Config config, Set<String> fileRootKeys, List<ConfigProblem> problems, Set<Path> files) {
    this.files = files;
    this.config = config;
    this.fileRootKeys = fileRootKeys;
    this.problems = problems;
    this.rosters = new RosterLoader(problems);
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
    ConfigReader root = reader(config.getConfig("paperboy"), "paperboy");
    unknownKeys(root, config.getConfig("paperboy"), ConfigLoader.declaredKeys("paperboy"));
    for (String block : List.of("account", "feed")) {
      String path = "paperboy.defaults." + block;
      if (ConfigLoader.isObject(config, path)) {
        unknownKeys(
            reader(config.getConfig(path), path),
            config.getConfig(path),
            ConfigLoader.declaredKeys(path));
      }
    }
    DatabaseConfig database = database();
    FetchConfig fetch = fetch();
    HttpConfig http = http();
    Optional<String> logFormat = root.string("log.format");
    logFormat
        .filter(f -> !f.equals("plain") && !f.equals("json"))
        .ifPresent(f -> root.problem("log.format", "expected plain or json, found " + f));
    Map<String, AccountConfig> accounts = new LinkedHashMap<>();
    Set<String> accountIds = new TreeSet<>();
    for (Block block : blocks("accounts", "account")) {
      accountIds.add(block.id());
      account(block).ifPresent(a -> accounts.put(a.id(), a));
    }
    Map<String, FeedConfig> feeds = new LinkedHashMap<>();
    for (Block block : blocks("feeds", "feed")) {
      feed(block, accountIds).ifPresent(f -> feeds.put(f.id(), f));
    }
    if (!problems.isEmpty() || database == null || fetch == null || http == null) {
      return null;
    }
    return new PaperboyConfig(
        source,
        files,
        database,
        fetch,
        http,
        logFormat.orElse("plain").equals("json"),
        accounts,
        feeds);
  }

  private HttpConfig http() {
    String path = "paperboy.http";
    if (!ConfigLoader.isObject(config, path)) {
      problems.add(new ConfigProblem(where(path), path, "expected a block { port = … }"));
      return null;
    }
    ConfigReader reader = reader(config.getConfig(path), path);
    unknownKeys(reader, config.getConfig(path), ConfigLoader.declaredKeys(path));
    int before = problems.size();
    Optional<String> host = reader.string("host");
    Integer port = null;
    if (config.hasPath(path + ".port")) {
      port = reader.integer("port").orElse(null);
      if (port != null && (port < 0 || port > 65535)) {
        reader.problem("port", "expected a port from 0 to 65535, or null for none, found " + port);
      }
    }
    return problems.size() > before ? null : new HttpConfig(host.orElseThrow(), port);
  }

  private FetchConfig fetch() {
    String path = "paperboy.fetch";
    if (!ConfigLoader.isObject(config, path)) {
      problems.add(new ConfigProblem(where(path), path, "expected a block { read-timeout = … }"));
      return null;
    }
    ConfigReader reader = reader(config.getConfig(path), path);
    unknownKeys(reader, config.getConfig(path), ConfigLoader.declaredKeys(path));
    int before = problems.size();
    Optional<Duration> connect = reader.duration("connect-timeout");
    Optional<Duration> read = reader.duration("read-timeout");
    Optional<Long> size = reader.bytes("max-body-size");
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
    return new FetchConfig(connect.orElseThrow(), read.orElseThrow(), size.orElseThrow());
  }

  private DatabaseConfig database() {
    String path = "paperboy.database";
    if (!ConfigLoader.isObject(config, path)) {
      problems.add(new ConfigProblem(where(path), path, "expected a block { url = … }"));
      return null;
    }
    ConfigReader reader = reader(config.getConfig(path), path);
    unknownKeys(reader, config.getConfig(path), ConfigLoader.declaredKeys(path));
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
        && !ConfigLoader.fromUnsetVariable(reader.value("password"))
        && !ConfigLoader.fromEnvironment(reader.value("password"))) {
      reader.problem(
          "password", "secrets must come from the environment: write password = ${DB_PASSWORD}");
    }
    if (url.isEmpty() || user.isEmpty() || password.isEmpty()) {
      return null;
    }
    return new DatabaseConfig(url.get(), user.get(), password.get());
  }

  private Optional<AccountConfig> account(Block block) {
    ConfigReader reader = block.reader();
    int problemsBefore = problems.size();
    Optional<Platform> platform =
        reader
            .string("platform")
            .flatMap(
                name -> {
                  for (Platform p : Platform.values()) {
                    if (p.configName().equals(name)) {
                      return Optional.of(p);
                    }
                  }
                  reader.problem("platform", "expected x or console, found " + name);
                  return Optional.empty();
                });
    Optional<Duration> minSpacing = reader.duration("min-spacing");
    minSpacing
        .filter(Duration::isNegative)
        .ifPresent(d -> reader.problem("min-spacing", "must not be negative, found " + d));
    Optional<Integer> maxPerDay = reader.integer("max-per-day");
    maxPerDay
        .filter(n -> n < 1)
        .ifPresent(n -> reader.problem("max-per-day", "must be at least 1, found " + n));
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
    QuietHours quietHours = null;
    Optional<String> quiet = reader.string("quiet-hours");
    if (quiet.isPresent() && !quiet.get().isBlank() && zone.isPresent()) {
      try {
        quietHours = QuietHours.parse(quiet.get(), zone.get());
      } catch (IllegalArgumentException e) {
        reader.problem("quiet-hours", e.getMessage());
      }
    }
    Optional<Boolean> approval = reader.bool("approval");
    if (ConfigLoader.isObject(config, block.path() + ".retry")) {
      unknownKeys(
          reader,
          config.getConfig(block.path() + ".retry"),
          ConfigLoader.declaredKeys("paperboy.defaults.account.retry"),
          "retry.");
    }
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
    URI apiBaseUrl = null;
    XCredentials credentials = null;
    if (platform.orElse(null) == Platform.X) {
      apiBaseUrl =
          reader
              .string("api-base-url")
              .flatMap(u -> httpUrl(reader, "api-base-url", u))
              .orElse(null);
      credentials = credentials(block);
    }
    boolean incompleteX =
        platform.orElse(null) == Platform.X && (apiBaseUrl == null || credentials == null);
    if (problems.size() > problemsBefore || platform.isEmpty() || incompleteX) {
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
            new AccountConfig.Retry(
                initialDelay.orElseThrow(), maxDelay.orElseThrow(), maxAttempts.orElseThrow())));
  }

  private XCredentials credentials(Block block) {
    ConfigReader reader = block.reader();
    List<String> values = new ArrayList<>();
    for (String key : SECRETS) {
      Optional<String> value = reader.string(key);
      if (value.isEmpty()) {
        continue;
      }
      String variable =
          "X_"
              + block.id().toUpperCase(Locale.ROOT).replace('-', '_')
              + "_"
              + key.toUpperCase(Locale.ROOT).replace('-', '_');
      if (ConfigLoader.fromUnsetVariable(reader.value(key))) {
        continue;
      }
      if (!ConfigLoader.fromEnvironment(reader.value(key))) {
        reader.problem(
            key, "secrets must come from the environment: write " + key + " = ${" + variable + "}");
      } else if (value.get().isBlank()) {
        reader.problem(key, "is empty: its environment variable must hold the key");
      } else {
        values.add(value.get());
      }
    }
    if (values.size() != SECRETS.length) {
      return null;
    }
    return new XCredentials(values.get(0), values.get(1), values.get(2), values.get(3));
  }

  private Optional<FeedConfig> feed(Block block, Set<String> accountIds) {
    ConfigReader reader = block.reader();
    int problemsBefore = problems.size();
    Optional<URI> url = reader.string("url").flatMap(u -> feedUrl(reader, u));
    Optional<Schedule> schedule = reader.string("schedule").flatMap(s -> schedule(reader, s));
    Optional<String> account = reader.string("account");
    if (account.isPresent() && !accountIds.contains(account.get())) {
      reader.problem(
          "account",
          "names a missing account: "
              + account.get()
              + (accountIds.isEmpty() ? " (no accounts are defined)" : "; defined: " + accountIds));
    }
    Optional<List<String>> hashtags =
        reader.strings("hashtags").flatMap(t -> hashtags(reader, "hashtags", t));
    Optional<String> template = reader.string("template").filter(t -> template(reader, t));
    Optional<Integer> backfill = reader.integer("backfill");
    backfill
        .filter(n -> n < 0)
        .ifPresent(n -> reader.problem("backfill", "must not be negative, found " + n));
    Optional<List<HashtagRule>> rules =
        reader.objects("hashtag-rules").map(list -> hashtagRules(reader, list));
    Optional<Integer> maxHashtags = reader.integer("max-hashtags");
    maxHashtags
        .filter(n -> n < 0)
        .ifPresent(n -> reader.problem("max-hashtags", "must not be negative, found " + n));
    Optional<List<Person>> roster = reader.string("roster").map(path -> rosters.load(reader, path));
    Optional<Boolean> enrich = reader.bool("enrich");
    Optional<List<Pattern>> include =
        reader.strings("include-matching").map(l -> patterns(reader, "include-matching", l));
    Optional<List<Pattern>> exclude =
        reader.strings("exclude-matching").map(l -> patterns(reader, "exclude-matching", l));
    Optional<Set<Notice>> skip = reader.strings("skip").map(l -> notices(reader, l));
    Duration maxAge = reader.optionalDuration("max-age").orElse(null);
    if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
      reader.problem("max-age", "must be positive, or null for no limit; found " + maxAge);
    }
    Optional<Boolean> thread = reader.bool("thread");
    Optional<Duration> staleAfter = reader.duration("stale-after");
    if (problems.size() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new FeedConfig(
            block.id(),
            url.orElseThrow(),
            schedule.orElseThrow(),
            account.orElseThrow(),
            hashtags.orElseThrow(),
            template.orElseThrow(),
            backfill.orElseThrow(),
            rules.orElseThrow(),
            maxHashtags.orElseThrow(),
            roster.orElseThrow(),
            enrich.orElseThrow(),
            include.orElseThrow(),
            exclude.orElseThrow(),
            skip.orElseThrow(),
            maxAge,
            thread.orElseThrow(),
            staleAfter.orElseThrow()));
  }

  private List<HashtagRule> hashtagRules(ConfigReader feed, List<? extends Config> blocks) {
    List<HashtagRule> rules = new ArrayList<>();
    Config defaults =
        ConfigFactory.parseString(
            "in = [title, abstract], from = null, until = null, tag-word-in-text = false");
    for (int i = 0; i < blocks.size(); i++) {
      Config own = blocks.get(i);
      String path = feed.fullKey("hashtag-rules") + "[" + i + "]";
      ConfigReader reader =
          new ConfigReader(own.withFallback(defaults), path, problems, own.root().origin());
      unknownKeys(reader, own, Set.of("match", "in", "tag", "from", "until", "tag-word-in-text"));
      int before = problems.size();
      Optional<Pattern> match = reader.string("match").flatMap(m -> pattern(reader, "match", m));
      Set<HashtagRule.Field> fields = new HashSet<>();
      for (String field : reader.strings("in").orElse(List.of())) {
        try {
          fields.add(HashtagRule.Field.valueOf(field.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          reader.problem("in", "expected title, abstract or category, found " + field);
        }
      }
      Optional<List<String>> tag =
          reader.string("tag").flatMap(t -> hashtags(reader, "tag", List.of(t)));
      LocalDate from = date(reader, "from");
      LocalDate until = date(reader, "until");
      Optional<Boolean> tagWord = reader.bool("tag-word-in-text");
      if (problems.size() == before) {
        rules.add(
            new HashtagRule(
                match.orElseThrow(),
                fields,
                tag.orElseThrow().get(0),
                from,
                until,
                tagWord.orElseThrow()));
      }
    }
    return rules;
  }

  private static LocalDate date(ConfigReader reader, String key) {
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

  private static List<Pattern> patterns(ConfigReader reader, String key, List<String> regexes) {
    List<Pattern> patterns = new ArrayList<>();
    for (String regex : regexes) {
      pattern(reader, key, regex).ifPresent(patterns::add);
    }
    return patterns;
  }

  private static Optional<Pattern> pattern(ConfigReader reader, String key, String regex) {
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

  private static Set<Notice> notices(ConfigReader reader, List<String> names) {
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

  private Optional<URI> feedUrl(ConfigReader reader, String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      reader.problem("url", "is not a URL: " + text);
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      // A relative path is read from the folder of the file that declares it, so a config and
      // its bundled feeds move together.
      String path = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath();
      Path declaredIn = Path.of(reader.where("url").replaceFirst(":\\d+$", "")).toAbsolutePath();
      return Optional.of(declaredIn.resolveSibling(path).normalize().toUri());
    }
    return httpUrl(reader, "url", text);
  }

  private static Optional<URI> httpUrl(ConfigReader reader, String key, String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    reader.problem(
        key,
        "expected an http or https URL"
            + (key.equals("url") ? " or a file path" : "")
            + ", found "
            + text);
    return Optional.empty();
  }

  private static Optional<Schedule> schedule(ConfigReader reader, String text) {
    String value = text.strip();
    if (DURATION.matcher(value).matches()) {
      Optional<Duration> interval = reader.duration("schedule");
      if (interval.isPresent() && interval.get().compareTo(Duration.ofSeconds(1)) < 0) {
        reader.problem("schedule", "must be at least 1s, found " + value);
        return Optional.empty();
      }
      return interval.map(Schedule.Every::new);
    }
    if (CronExpression.isValidExpression(value)) {
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

  private static Optional<List<String>> hashtags(
      ConfigReader reader, String key, List<String> tags) {
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

  private static boolean template(ConfigReader reader, String template) {
    boolean valid = true;
    boolean any = false;
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      any = true;
      if (Placeholder.byToken(m.group(1)).isEmpty()) {
        reader.problem(
            "template",
            "unknown placeholder {"
                + m.group(1)
                + "}; known: "
                + String.join(" ", Placeholder.written()));
        valid = false;
      }
    }
    if (!any) {
      reader.problem(
          "template", "holds no placeholder; known: " + String.join(" ", Placeholder.written()));
      valid = false;
    }
    return valid;
  }

  private void unknownKeys(ConfigReader reader, Config block, Set<String> declared) {
    unknownKeys(reader, block, declared, "");
  }

  private void unknownKeys(ConfigReader reader, Config block, Set<String> declared, String prefix) {
    for (String key : ConfigLoader.keysInFileOrder(block.root())) {
      if (!declared.contains(key)) {
        reader.problem(
            prefix + ConfigUtil.joinPath(key),
            "unknown key; expected one of " + new TreeSet<>(declared));
      }
    }
  }

  /** Every {@code paperboy.<section>.<id>} block, merged over its defaults. */
  private List<Block> blocks(String section, String defaults) {
    String path = "paperboy." + section;
    List<Block> blocks = new ArrayList<>();
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
      ConfigReader reader =
          new ConfigReader(own.withFallback(defaultsBlock), blockPath, problems, value.origin());
      unknownKeys(reader, own, declared);
      blocks.add(new Block(id, blockPath, reader));
    }
    return blocks;
  }

  private ConfigReader reader(Config block, String path) {
    return new ConfigReader(block, path, problems, block.root().origin());
  }

  private String where(String path) {
    return config.hasPathOrNull(path)
        ? ConfigReader.describe(config.getValue(path).origin())
        : "<config>";
  }

  private record Block(String id, String path, ConfigReader reader) {}
}

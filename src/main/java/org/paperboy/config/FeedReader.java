package org.paperboy.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.paperboy.model.HashtagRule;
import org.paperboy.model.Notice;
import org.paperboy.model.Person;

/** Reads one {@code paperboy.feeds.<id>} block into a {@link FeedConfig}. */
final class FeedReader {

  private final Values values;
  private final HashtagRuleReader rules;
  private final RosterLoader rosters;

  FeedReader(Values values, HashtagRuleReader rules, RosterLoader rosters) {
    this.values = values;
    this.rules = rules;
    this.rosters = rosters;
  }

  /**
   * The accounts the feed names: {@code account = id} for one, {@code accounts = [ids]} for
   * several, never both; each must be defined.
   */
  private static Optional<List<String>> accounts(ConfigReader reader, Set<String> defined) {
    Optional<String> one = reader.optionalString("account");
    List<String> several = reader.strings("accounts").orElse(List.of());
    String key = one.isPresent() ? "account" : "accounts";
    if (one.isPresent() && !several.isEmpty()) {
      reader.problem("accounts", "set account = ID or accounts = [IDs], not both");
      return Optional.empty();
    }
    List<String> ids = one.map(List::of).orElse(several);
    if (ids.isEmpty()) {
      reader.problem(
          "account", "is required: expected account = ID, or accounts = [IDs] for several");
      return Optional.empty();
    }
    boolean valid = true;
    for (String id : ids) {
      if (!defined.contains(id)) {
        reader.problem(
            key,
            "names a missing account: "
                + id
                + (defined.isEmpty() ? " (no accounts are defined)" : "; defined: " + defined));
        valid = false;
      }
    }
    if (Set.copyOf(ids).size() < ids.size()) {
      reader.problem(key, "names an account twice: " + ids);
      valid = false;
    }
    return valid ? Optional.of(List.copyOf(ids)) : Optional.empty();
  }

  /**
   * The feed, or empty when the block had a problem (each one recorded).
   *
   * @param accountIds the accounts the config defines, which the feed must name one of
   */
  Optional<FeedConfig> read(ConfigBlock block, Set<String> accountIds) {
    ConfigReader reader = block.reader();
    int problemsBefore = reader.problemCount();
    Optional<URI> url = reader.string("url").flatMap(u -> values.feedUrl(reader, u));
    Optional<Schedule> schedule =
        reader.string("schedule").flatMap(s -> values.schedule(reader, s));
    Optional<List<String>> accounts = accounts(reader, accountIds);
    Optional<List<String>> hashtags =
        reader.strings("hashtags").flatMap(t -> Values.hashtags(reader, "hashtags", t));
    Optional<String> template =
        reader.string("template").filter(t -> Values.template(reader, "template", t));
    Optional<Integer> backfill = reader.integer("backfill");
    backfill
        .filter(n -> n < 0)
        .ifPresent(n -> reader.problem("backfill", "must not be negative, found " + n));
    Optional<List<HashtagRule>> hashtagRules =
        reader.objects("hashtag-rules").map(list -> rules.read(reader, list));
    Optional<Integer> maxHashtags = reader.integer("max-hashtags");
    maxHashtags
        .filter(n -> n < 0)
        .ifPresent(n -> reader.problem("max-hashtags", "must not be negative, found " + n));
    Optional<List<Person>> roster = reader.string("roster").map(path -> rosters.load(reader, path));
    Optional<Boolean> enrich = reader.bool("enrich");
    Optional<List<Pattern>> include =
        reader.strings("include-matching").map(l -> Values.patterns(reader, "include-matching", l));
    Optional<List<Pattern>> exclude =
        reader.strings("exclude-matching").map(l -> Values.patterns(reader, "exclude-matching", l));
    Optional<Set<Notice>> skip = reader.strings("skip").map(l -> Values.notices(reader, l));
    Duration maxAge = reader.optionalDuration("max-age").orElse(null);
    if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
      reader.problem("max-age", "must be positive, or null for no limit; found " + maxAge);
    }
    Optional<Boolean> thread = reader.bool("thread");
    Optional<Duration> staleAfter = reader.duration("stale-after");
    Optional<Boolean> images = reader.bool("images");
    Optional<String> imageAlt =
        reader.string("image-alt").filter(t -> Values.altTemplate(reader, "image-alt", t));
    if (reader.problemCount() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new FeedConfig(
            block.id(),
            url.orElseThrow(),
            schedule.orElseThrow(),
            accounts.orElseThrow(),
            hashtags.orElseThrow(),
            template.orElseThrow(),
            backfill.orElseThrow(),
            hashtagRules.orElseThrow(),
            maxHashtags.orElseThrow(),
            roster.orElseThrow(),
            enrich.orElseThrow(),
            include.orElseThrow(),
            exclude.orElseThrow(),
            skip.orElseThrow(),
            maxAge,
            thread.orElseThrow(),
            staleAfter.orElseThrow(),
            images.orElseThrow(),
            imageAlt.orElseThrow()));
  }
}

package org.paperboy.config;

import com.typesafe.config.Config;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.paperboy.model.HashtagRule;

/** Reads a feed's {@code hashtag-rules}, each over {@code paperboy.defaults.hashtag-rule}. */
final class HashtagRuleReader {

  private static final String DEFAULTS = "paperboy.defaults.hashtag-rule";

  private final Config defaults;

  /**
   * @param config the whole config, whose {@code paperboy.defaults.hashtag-rule} a user may change
   */
  HashtagRuleReader(Config config) {
    this.defaults = config.getConfig(DEFAULTS);
  }

  /** The rules of {@code blocks}; a rule with a problem is recorded and left out. */
  List<HashtagRule> read(ConfigReader feed, List<? extends Config> blocks) {
    List<HashtagRule> rules = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Config own = blocks.get(i);
      ConfigReader reader =
          feed.child(own, defaults, feed.fullKey("hashtag-rules") + "[" + i + "]");
      reader.unknownKeys(own, ConfigLoader.declaredKeys(DEFAULTS));
      int before = reader.problemCount();
      Optional<Pattern> match =
          reader.string("match").flatMap(m -> Values.pattern(reader, "match", m));
      Set<HashtagRule.Field> fields = new HashSet<>();
      for (String field : reader.strings("in").orElse(List.of())) {
        try {
          fields.add(HashtagRule.Field.valueOf(field.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          reader.problem("in", "expected title, abstract or category, found " + field);
        }
      }
      Optional<List<String>> tag =
          reader.string("tag").flatMap(t -> Values.hashtags(reader, "tag", List.of(t)));
      LocalDate from = Values.date(reader, "from");
      LocalDate until = Values.date(reader, "until");
      Optional<Boolean> tagWord = reader.bool("tag-word-in-text");
      if (reader.problemCount() == before) {
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
}

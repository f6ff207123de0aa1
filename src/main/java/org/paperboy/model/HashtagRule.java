package org.paperboy.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Adds a hashtag to posts whose paper matches a pattern. Rules are equal when their patterns have
 * the same source and flags (a {@link Pattern} equals only itself), so a rule read again from an
 * unchanged config equals the one before.
 *
 * @param pattern what to look for
 * @param fields where to look: title, abstract, category
 * @param tag the hashtag it adds, with its {@code #}
 * @param from the first day it applies, or {@code null}
 * @param until the last day it applies, or {@code null}
 * @param tagWordInText when the text already holds the tag as a word, turn that word into the
 *     hashtag instead of leaving the tag out
 */
public record HashtagRule(
    Pattern pattern,
    Set<Field> fields,
    String tag,
    LocalDate from,
    LocalDate until,
    boolean tagWordInText) {

  /** Where a rule looks. */
  public enum Field {
    TITLE,
    ABSTRACT,
    CATEGORY
  }

  public HashtagRule {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(tag, "tag");
    fields = Set.copyOf(fields);
    if (!tag.startsWith("#")) {
      throw new IllegalArgumentException("a hashtag starts with #: " + tag);
    }
  }

  /** True when the rule applies on {@code day}. */
  public boolean activeOn(LocalDate day) {
    return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HashtagRule rule
        && pattern.pattern().equals(rule.pattern.pattern())
        && pattern.flags() == rule.pattern.flags()
        && fields.equals(rule.fields)
        && tag.equals(rule.tag)
        && Objects.equals(from, rule.from)
        && Objects.equals(until, rule.until)
        && tagWordInText == rule.tagWordInText;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        pattern.pattern(), pattern.flags(), fields, tag, from, until, tagWordInText);
  }
}

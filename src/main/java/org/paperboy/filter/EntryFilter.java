package org.paperboy.filter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.paperboy.model.Notice;
import org.paperboy.model.Paper;

/**
 * Decides whether a feed's entry is worth posting. Immutable and thread-safe.
 *
 * @param include when not empty, an entry must match one of these (title, category or article type)
 * @param exclude an entry matching any of these is skipped
 * @param skip the notices skipped (all of them by default)
 * @param maxAge entries published longer ago are skipped; {@code null} for no limit
 */
public record EntryFilter(
    List<Pattern> include, List<Pattern> exclude, Set<Notice> skip, Duration maxAge) {

  public EntryFilter {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    skip = Set.copyOf(skip);
  }

  /** Skips every notice, and nothing else. */
  public static final EntryFilter DEFAULT =
      new EntryFilter(List.of(), List.of(), Set.of(Notice.values()), null);

  /**
   * Why {@code paper} is not to be posted, or empty when it is.
   *
   * @param now the time that {@code maxAge} counts back from
   */
  public Optional<String> rejects(Paper paper, Instant now) {
    for (Notice notice : skip) {
      if (notice.matches(paper.title()) || notice.matches(paper.articleType())) {
        return Optional.of(
            "a notice skipped by default (skip includes " + notice.configName() + ")");
      }
    }
    for (Pattern pattern : exclude) {
      if (matches(pattern, paper)) {
        return Optional.of("excluded by exclude-matching = \"" + pattern.pattern() + "\"");
      }
    }
    if (!include.isEmpty() && include.stream().noneMatch(p -> matches(p, paper))) {
      return Optional.of("matches none of include-matching");
    }
    if (maxAge != null
        && paper.published() != null
        && paper.published().isBefore(now.minus(maxAge))) {
      return Optional.of("older than max-age (published " + paper.published() + ")");
    }
    return Optional.empty();
  }

  private static boolean matches(Pattern pattern, Paper paper) {
    if (pattern.matcher(paper.title()).find()) {
      return true;
    }
    if (paper.articleType() != null && pattern.matcher(paper.articleType()).find()) {
      return true;
    }
    return paper.categories().stream().anyMatch(c -> pattern.matcher(c).find());
  }
}

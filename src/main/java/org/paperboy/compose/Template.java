package org.paperboy.compose;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.model.Placeholder;

/**
 * A post template such as {@code "{title}\n{summary} {link} {hashtags}"}, parsed once. Filling it
 * folds the spaces an empty placeholder leaves behind. Immutable; equal to a template parsed from
 * the same text.
 */
public final class Template {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
  private static final Pattern LINE_EDGES = Pattern.compile("[ \\t]*\\n[ \\t]*");
  // The parts that read as words, and so would run on from a title before them.
  private static final Set<Placeholder> WORDS =
      EnumSet.of(
          Placeholder.SUMMARY,
          Placeholder.AUTHORS,
          Placeholder.FIRST_AUTHOR,
          Placeholder.JOURNAL,
          Placeholder.DOI,
          Placeholder.DATE);

  private final List<Object> parts;

  private Template(List<Object> parts) {
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the first unknown placeholder
   */
  public static Template parse(String text) {
    List<Object> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      parts.add(text.substring(last, m.start()));
      String token = m.group(1);
      parts.add(
          Placeholder.byToken(token)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown placeholder {" + token + "} in template: " + text)));
      last = m.end();
    }
    parts.add(text.substring(last));
    return new Template(parts);
  }

  /** True when the template holds {@code placeholder}. */
  public boolean has(Placeholder placeholder) {
    return parts.contains(placeholder);
  }

  /**
   * True when {@code placeholder}'s text would run straight into words: nothing but spaces stands
   * between it and the next placeholder of {@code filled}, and that one holds words (the summary,
   * authors, journal, DOI or date). A line break or the template's own text between them sets them
   * apart, and so does the look of a link, hashtags or credits.
   */
  boolean runsIntoWords(Placeholder placeholder, Set<Placeholder> filled) {
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i) != placeholder) {
        continue;
      }
      for (int j = i + 1; j < parts.size(); j++) {
        Object next = parts.get(j);
        if (next instanceof String text) {
          if (!text.chars().allMatch(c -> c == ' ' || c == '\t')) {
            break;
          }
        } else if (filled.contains((Placeholder) next)) {
          if (WORDS.contains((Placeholder) next)) {
            return true;
          }
          break;
        }
      }
    }
    return false;
  }

  /** The text with each placeholder replaced by its value (missing ones by nothing). */
  public String fill(Map<Placeholder, String> values) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Placeholder placeholder) {
        text.append(values.getOrDefault(placeholder, ""));
      } else {
        text.append((String) part);
      }
    }
    // Each pattern is tried only where it can match: most posts fill every placeholder and hold
    // no line break.
    String folded = text.toString();
    if (folded.contains("\t") || folded.contains("  ")) {
      folded = SPACES.matcher(folded).replaceAll(" ");
    }
    if (folded.contains("\n")) {
      folded = LINE_EDGES.matcher(folded).replaceAll("\n");
    }
    return folded.strip();
  }

  /** The template as written, placeholders in braces. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      text.append(part instanceof Placeholder placeholder ? "{" + placeholder.token() + "}" : part);
    }
    return text.toString();
  }

  /** Templates are equal when they hold the same text and placeholders in the same order. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Template template && parts.equals(template.parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }
}

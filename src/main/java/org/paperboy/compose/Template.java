package org.paperboy.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.model.Placeholder;

/**
 * A post template such as {@code "{title} {summary} {link} {hashtags}"}, parsed once. Filling it
 * folds the spaces an empty placeholder leaves behind. Immutable; equal to a template parsed from
 * the same text.
 */
public final class Template {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
  private static final Pattern LINE_EDGES = Pattern.compile("[ \\t]*\\n[ \\t]*");

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
    if (folded.indexOf('\t') >= 0 || folded.contains("  ")) {
      folded = SPACES.matcher(folded).replaceAll(" ");
    }
    if (folded.indexOf('\n') >= 0) {
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

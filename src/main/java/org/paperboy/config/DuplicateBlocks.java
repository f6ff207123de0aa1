package org.paperboy.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds account and feed blocks opened twice. HOCON merges two {@code nejm { … }} blocks into one
 * without a trace, so a copied block whose id was left unchanged would silently change the first;
 * this reads the files' text for the block openings. It follows HOCON's nesting, strings and
 * comments, not all of its syntax: values are skipped, only keys and braces matter.
 */
final class DuplicateBlocks {

  private static final List<String> SECTIONS = List.of("paperboy.accounts.", "paperboy.feeds.");

  private DuplicateBlocks() {}

  /** Each duplicated block path with every {@code file:line} that opens it. */
  static Map<String, List<String>> in(List<Path> files) {
    Map<String, List<String>> openings = new LinkedHashMap<>();
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        continue; // reported by the loader itself
      }
      scan(file, text, openings);
    }
    openings.values().removeIf(places -> places.size() < 2);
    return openings;
  }

  private static void scan(Path file, String text, Map<String, List<String>> openings) {
    Deque<String> path = new ArrayDeque<>();
    StringBuilder key = new StringBuilder();
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        key.setLength(0);
      } else if (c == '#' || (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == '"') {
        int end =
            text.startsWith("\"\"\"", i)
                ? text.indexOf("\"\"\"", i + 3) + 2
                : closingQuote(text, i);
        if (end < i) {
          return;
        }
        String quoted = text.substring(i, end + 1);
        line += (int) quoted.chars().filter(ch -> ch == '\n').count();
        key.append(quoted.replace("\"", ""));
        i = end;
      } else if (c == '{') {
        String name = key.toString().replaceAll("[\\s=:]+$", "").strip();
        String full = (path.isEmpty() ? "" : path.peek() + ".") + name;
        path.push(name.isEmpty() ? (path.isEmpty() ? "" : path.peek()) : full);
        for (String section : SECTIONS) {
          if (full.startsWith(section) && full.indexOf('.', section.length()) < 0) {
            openings.computeIfAbsent(full, k -> new ArrayList<>()).add(file + ":" + line);
          }
        }
        key.setLength(0);
      } else if (c == '}') {
        if (!path.isEmpty()) {
          path.pop();
        }
        key.setLength(0);
      } else if (c == '=' || c == ':' || c == ',' || c == '[' || c == ']') {
        if (c != '=' && c != ':') {
          key.setLength(0);
        } else {
          key.append(c);
        }
      } else {
        key.append(c);
      }
    }
  }

  private static int closingQuote(String text, int open) {
    for (int i = open + 1; i < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        i++;
      } else if (text.charAt(i) == '"') {
        return i;
      }
    }
    return -1;
  }
}

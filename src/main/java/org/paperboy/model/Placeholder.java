package org.paperboy.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The named parts a post template may hold, written {@code {name}}. */
public enum Placeholder {
  TITLE,
  SUMMARY,
  LINK,
  DOI,
  JOURNAL,
  AUTHORS,
  FIRST_AUTHOR,
  HASHTAGS,
  CREDITS,
  DATE;

  /** The name as written in a template, without braces. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The placeholder written {@code {token}}, if there is one. */
  public static Optional<Placeholder> byToken(String token) {
    return Arrays.stream(values()).filter(p -> p.token().equals(token)).findFirst();
  }

  /** Every placeholder as written in a template, for error messages. */
  public static List<String> written() {
    return Arrays.stream(values()).map(p -> "{" + p.token() + "}").toList();
  }
}

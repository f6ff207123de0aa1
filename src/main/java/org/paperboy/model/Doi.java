package org.paperboy.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and normalises DOIs, for every stage that reads one (feeds, article pages). A normalised
 * DOI is lower case (DOIs are case-insensitive, ISO 26324) with no {@code doi:}, {@code info:doi/}
 * or resolver prefix.
 */
public final class Doi {

  // Crossref's advice for modern DOIs: 10.<4-9 digits>/<suffix of [-._;()/:A-Z0-9]>; we also
  // accept < > [ ] seen in older Wiley DOIs, and stop at whitespace, quotes and markup.
  private static final Pattern DOI =
      Pattern.compile("\\b(10\\.\\d{4,9}/[^\\s\"'<>&]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILING = Pattern.compile("[.,;:)\\]}]+$");

  private Doi() {}

  /** The first DOI in {@code text} (a bare DOI, a {@code doi:} form or a resolver URL). */
  public static Optional<String> find(String text) {
    if (text == null || text.indexOf("10.") < 0 && !text.contains("10%2")) {
      return Optional.empty();
    }
    String decoded = text;
    if (text.contains("%2F") || text.contains("%2f")) {
      try {
        decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        decoded = text;
      }
    }
    Matcher m = DOI.matcher(decoded);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(normalise(m.group(1)));
  }

  /**
   * {@code doi} in normal form: lower case, trailing punctuation that closes no bracket dropped.
   */
  public static String normalise(String doi) {
    String value = doi.strip();
    Matcher trailing = TRAILING.matcher(value);
    while (trailing.find()) {
      String tail = trailing.group();
      // Keep a closing parenthesis that closes one opened inside the DOI, as in 10.1016/0002(79)x.
      if (tail.startsWith(")") && count(value, '(') >= count(value, ')')) {
        break;
      }
      value = value.substring(0, value.length() - 1);
      trailing = TRAILING.matcher(value);
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static int count(String text, char c) {
    return (int) text.chars().filter(ch -> ch == c).count();
  }
}

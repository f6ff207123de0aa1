package org.paperboy.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds ORCID iDs: four groups of four digits, the last character possibly X. */
public final class Orcids {

  private static final Pattern ORCID = Pattern.compile("\\b(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX])\\b");

  private Orcids() {}

  /** The ORCID iD in {@code text} (a bare iD or an orcid.org URL), if any. */
  public static Optional<String> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = ORCID.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}

package org.paperboy.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The kinds of entry that are notices about a paper rather than a paper, skipped by default. */
public enum Notice {
  // "Correction to: …", "Correction: …", "Author Correction: …", "Publisher Correction", but not
  // a paper titled "Correction of hallux valgus…".
  CORRECTIONS(
      "(?:author\\s+|publisher\\s+)?(?:correction|corrigendum|corrigenda)\\s*(?:to\\b|for\\b|notice\\b|:|$)"),
  ERRATA("errat(?:um|a)\\b"),
  // "Retraction: …", "Retraction Note to: …", Elsevier's "RETRACTED: …", "Expression of Concern".
  RETRACTIONS(
      "(?:retraction(?:\\s+note)?\\s*(?:to\\b|of\\s*:|:|$)|retracted\\s*:|notice\\s+of\\s+retraction"
          + "|expression\\s+of\\s+concern)"),
  WITHDRAWALS("(?:withdrawn|withdrawal)\\s*(?::|notice\\b|$)|notice\\s+of\\s+withdrawal"),
  // An API's error report dressed as an entry, as the arXiv API sends for a bad query.
  ERRORS("error$");

  private final Pattern title;

  Notice(String title) {
    this.title = Pattern.compile("^\\s*(?:" + title + ")", Pattern.CASE_INSENSITIVE);
  }

  /** The name as written in config files. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The notice named {@code name} in a config file, if any. */
  public static Optional<Notice> byConfigName(String name) {
    for (Notice notice : values()) {
      if (notice.configName().equals(name)) {
        return Optional.of(notice);
      }
    }
    return Optional.empty();
  }

  /** True when a title or an article type says this is such a notice. */
  public boolean matches(String text) {
    return text != null && title.matcher(text.strip()).find();
  }
}

package org.paperboy.parse;

import java.util.List;
import java.util.Objects;
import org.paperboy.model.Paper;

/**
 * A parsed feed.
 *
 * @param title the feed's own title, or {@code null}
 * @param papers its entries in feed order
 * @param warnings what had to be mended to read it (a wrong charset, forbidden characters)
 */
public record ParsedFeed(String title, List<Paper> papers, List<String> warnings) {

  public ParsedFeed {
    papers = List.copyOf(Objects.requireNonNull(papers, "papers"));
    warnings = List.copyOf(warnings);
  }
}

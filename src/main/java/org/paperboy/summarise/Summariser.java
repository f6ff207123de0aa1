package org.paperboy.summarise;

import java.util.regex.Pattern;
import org.paperboy.model.Paper;
import org.paperboy.model.Summary;

/** Makes a paper's {@link Summary}: its title and abstract as clean text. Thread-safe. */
public final class Summariser {

  // "Abstract", "ABSTRACT:", "Abstract." and the like lead many abstracts; they say nothing.
  private static final Pattern LEADING_LABEL =
      Pattern.compile("^(?:abstract|summary)\\s*[:.\\-–—]?\\s+", Pattern.CASE_INSENSITIVE);

  /** The summary of {@code paper}. */
  public Summary summarise(Paper paper) {
    String title = HtmlText.of(paper.title());
    String text = HtmlText.of(paper.abstractHtml());
    text = LEADING_LABEL.matcher(text).replaceFirst("");
    if (text.equalsIgnoreCase("abstract") || text.equalsIgnoreCase(title)) {
      text = "";
    }
    return new Summary(title, text);
  }
}

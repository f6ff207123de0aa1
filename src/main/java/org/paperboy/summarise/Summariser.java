package org.paperboy.summarise;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.model.Paper;
import org.paperboy.model.Summary;

/** Makes a paper's {@link Summary}: its title and abstract as clean text. Thread-safe. */
public final class Summariser {

  // PubMed ("Parasitol Int. 2021 Dec 17. doi: … ABSTRACT …") and Pensoft ("ZooKeys 1078: …
  // Authors: … Abstract: …") put a citation before the abstract's own label; the label is
  // where the abstract starts.
  private static final Pattern LABEL =
      Pattern.compile("(?:^|\\s)(?:ABSTRACT|Abstract|SUMMARY|Summary)\\s*[:.\\-–—]?\\s+");
  private static final int PREAMBLE_LIMIT = 400;
  // Descriptions that hold only bibliographic data: ScienceDirect's "Publication date: … Source:
  // … Author(s): …", Taylor & Francis's "Volume 56, Issue 3, December 2021, Page 163-175."
  private static final Pattern METADATA_ONLY =
      Pattern.compile(
          "^(?:Publication date:.*Source:.*|Volume \\d+, Issue [^,]+, [^,]+, Pages? [\\d–-]+\\s*\\.?)$");

  // PLOS opens its Atom content with a byline paragraph: "<p>by A, B, C</p> Abstract…".
  private static final Pattern BYLINE =
      Pattern.compile("^\\s*<p>\\s*by\\s[^<]{1,2000}</p>", Pattern.CASE_INSENSITIVE);

  /** The summary of {@code paper}. */
  public Summary summarise(Paper paper) {
    String title = HtmlText.of(paper.title());
    String html = BYLINE.matcher(paper.abstractHtml()).replaceFirst("");
    String text = afterLabel(HtmlText.of(html));
    if (METADATA_ONLY.matcher(text).matches()
        || text.equalsIgnoreCase("abstract")
        || text.equalsIgnoreCase(title)) {
      text = "";
    }
    return new Summary(title, text);
  }

  private static String afterLabel(String text) {
    Matcher label = LABEL.matcher(text);
    if (label.find() && label.start() <= PREAMBLE_LIMIT && label.end() < text.length()) {
      return text.substring(label.end());
    }
    return text;
  }
}

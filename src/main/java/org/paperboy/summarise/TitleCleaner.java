package org.paperboy.summarise;

import java.util.regex.Pattern;

/** Cleans publisher artefacts from titles. Thread-safe. */
final class TitleCleaner {

  // ACS "[ASAP]"; arXiv RSS "(arXiv:2511.01234v1 [cs.LG])"; MDPI "Fluids, Vol. 9, Pages 120: ".
  private static final Pattern ASAP = Pattern.compile("\\s*\\[ASAP]\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ARXIV =
      Pattern.compile(
          "\\s*\\(arXiv:[\\w./-]+(?:v\\d+)?(?:\\s*\\[[^\\]]*])?\\)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern MDPI =
      Pattern.compile("^[\\p{L}&.' -]{2,60}, Vol\\. \\d+, Pages? [\\w–-]+:\\s+");

  private TitleCleaner() {}

  /** The title as a reader would write it: clean text, without publisher artefacts. */
  static String clean(String html) {
    String title = HtmlText.of(html);
    title = ASAP.matcher(title).replaceAll(" ").strip();
    title = ARXIV.matcher(title).replaceAll("");
    title = MDPI.matcher(title).replaceFirst("");
    return title.strip();
  }
}

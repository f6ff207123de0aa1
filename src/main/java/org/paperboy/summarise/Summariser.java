package org.paperboy.summarise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.model.Citation;
import org.paperboy.model.Paper;
import org.paperboy.model.Summary;

/**
 * Chooses what a post says about a paper: the conclusion of a structured abstract (Conclusion,
 * Interpretation, Meaning), else its findings (Results, Findings), else the lead of an unstructured
 * abstract, unless one of its sentences plainly concludes. Funding, trial registration and
 * copyright lines are never chosen. Thread-safe.
 */
public final class Summariser {

  // PubMed ("Parasitol Int. 2021 Dec 17. doi: … ABSTRACT …") and Pensoft ("ZooKeys 1078: …
  // Authors: … Abstract: …") put a citation before the abstract's own label; the label is
  // where the abstract starts.
  private static final Pattern LABEL =
      Pattern.compile("(?:^|\\s)(?:ABSTRACT|Abstract|SUMMARY|Summary)\\s*[:.\\-–—]?\\s+");
  private static final int PREAMBLE_LIMIT = 400;
  // Abstracts run to a few thousand characters, titles to a few hundred; beyond these limits the
  // rest is markup or another document, never what a post says.
  private static final int LONGEST_ABSTRACT = 64 * 1024;
  private static final int LONGEST_TITLE = 2 * 1024;
  // PLOS opens its Atom content with a byline paragraph: "<p>by A, B, C</p> Abstract…".
  private static final Pattern BYLINE =
      Pattern.compile("^\\s*<p>\\s*by\\s[^<]{1,2000}</p>", Pattern.CASE_INSENSITIVE);
  // Lines that are not findings: "© 2025 Elsevier Ltd. All rights reserved.", "Published by…",
  // "Funded by…", "Trial registration…". The marks that may stand anywhere are looked for in the
  // lower-cased sentence, the rest only where the sentence starts.
  private static final Pattern NOT_FINDINGS_START =
      Pattern.compile(
          "copyright\\b|\\(?(this (work|study|research) was )?(funded|supported) by|funding\\b"
              + "|trial registration|registration:|pmid:\\s*\\d+");
  private static final List<String> NOT_FINDINGS_ANYWHERE =
      List.of(
          "©",
          "all rights reserved",
          "this article is protected by copyright",
          "clinicaltrials.gov identifier");
  private static final Pattern COPYRIGHT_YEAR = Pattern.compile("\\(c\\) ?\\d{4}");
  private static final Pattern PUBLISHED_BY =
      Pattern.compile("published by (elsevier|wiley|springer|the american)");
  // A copyright statement closing an abstract: "© 2024 The Authors. Published by Elsevier Ltd.",
  // "(PsycInfo Database Record (c) 2021 APA, all rights reserved)".
  private static final Pattern COPYRIGHT_TAIL =
      Pattern.compile(
          "\\s*(?:\\([^()]{0,60})?(?:©|\\(c\\)\\s*\\d{4}|Copyright\\s+(?:©\\s*)?\\d{4})[^©]{0,300}$");
  // A sentence of an unstructured abstract that plainly states its conclusion.
  private static final Pattern CONCLUDES =
      Pattern.compile(
          "^(in conclusion|in summary|to conclude|overall|taken together|together)[,:]?\\s"
              + "|^(we|the authors) conclude"
              + "|^(these|our|the) (findings|results|data) (suggest|indicate|show|demonstrate|support|highlight)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LEAD_IN =
      Pattern.compile(
          "^(in conclusion|in summary|to conclude|taken together|overall)[,:]\\s+",
          Pattern.CASE_INSENSITIVE);
  // "[...]": MDPI's mark that the feed holds only the abstract's start.
  private static final Pattern TRUNCATION_MARK = Pattern.compile("\\s*\\[(\\.\\.\\.|…)]$");
  // BMC cuts its descriptions mid-word: "…the lack of representativenes..."
  private static final Pattern TRUNCATED = Pattern.compile("(\\.\\.\\.|…)$");
  // EHP and others end an abstract with its own DOI link; the post carries the link already.
  private static final Pattern OWN_DOI_LINK =
      Pattern.compile("\\s*https?://(dx\\.)?doi\\.org/\\S+$");

  /**
   * {@code text} cut at {@code most} characters: a post holds a few sentences, and no input may
   * make the work of one entry unbounded (a feed once put a whole styled web page in each entry).
   */
  private static String bounded(String text, int most) {
    if (text.length() <= most) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(most - 1)) ? most - 1 : most);
  }

  /** The summary of {@code paper}. */
  public Summary summarise(Paper paper) {
    String title = TitleCleaner.clean(bounded(paper.title(), LONGEST_TITLE));
    String html = BYLINE.matcher(bounded(paper.abstractHtml(), LONGEST_ABSTRACT)).replaceFirst("");
    String text = withoutCopyrightTail(afterPreamble(StructuredAbstract.markedText(html)));
    // A description that holds only a citation (ScienceDirect's "Publication date: … Source: …",
    // Wiley's and Taylor & Francis's "Volume 56, Issue 3, …, Page 163-175") is no abstract.
    if (Citation.isOnly(text)
        || text.equalsIgnoreCase("abstract")
        || text.equalsIgnoreCase(title)) {
      return new Summary(title, List.of());
    }
    return new Summary(title, choose(StructuredAbstract.sections(text)));
  }

  private static List<String> choose(List<Section> sections) {
    // Only a labelled section is a conclusion or findings: unstructured text is one OTHER section.
    for (Section.Kind kind : new Section.Kind[] {Section.Kind.CONCLUSION, Section.Kind.FINDINGS}) {
      Optional<Section> section = StructuredAbstract.first(sections, kind);
      List<String> sentences =
          section.map(s -> usable(Sentences.split(s.text()))).orElse(List.of());
      // A section that is only the start of a sentence the feed or page cut ("These findings
      // sugg…") says less than the parts before it.
      boolean onlyACut = sentences.size() == 1 && TRUNCATED.matcher(sentences.get(0)).find();
      if (!sentences.isEmpty() && !onlyACut) {
        return leadInDropped(sentences);
      }
    }
    StringBuilder rest = new StringBuilder();
    for (Section section : sections) {
      if (section.kind() != Section.Kind.EXCLUDED) {
        rest.append(section.text()).append(' ');
      }
    }
    List<String> sentences = usable(Sentences.split(rest.toString().strip()));
    for (int i = 1; i < sentences.size(); i++) {
      if (CONCLUDES.matcher(sentences.get(i)).find()) {
        return leadInDropped(sentences.subList(i, sentences.size()));
      }
    }
    return sentences;
  }

  /**
   * The sentences without copyright, funding, registration and identifier lines, and without a last
   * sentence the feed cut short.
   */
  private static List<String> usable(List<String> sentences) {
    List<String> usable = new ArrayList<>();
    for (String sentence : sentences) {
      String clean = sentence;
      if (clean.endsWith("]")) {
        clean = TRUNCATION_MARK.matcher(clean).replaceFirst("");
      }
      if (clean.contains("doi.org/")) {
        clean = OWN_DOI_LINK.matcher(clean).replaceFirst("");
      }
      if (clean.codePoints().anyMatch(Character::isLetter) && !isNotFindings(clean)) {
        usable.add(clean);
      }
    }
    if (usable.size() > 1 && TRUNCATED.matcher(usable.get(usable.size() - 1)).find()) {
      usable.remove(usable.size() - 1);
    }
    return usable;
  }

  /** True for a copyright, funding, registration or identifier line. */
  private static boolean isNotFindings(String sentence) {
    String lower = sentence.toLowerCase(Locale.ROOT);
    if (NOT_FINDINGS_START.matcher(lower).lookingAt()) {
      return true;
    }
    for (String mark : NOT_FINDINGS_ANYWHERE) {
      if (lower.contains(mark)) {
        return true;
      }
    }
    return (lower.contains("(c)") && COPYRIGHT_YEAR.matcher(lower).find())
        || (lower.contains("published by ") && PUBLISHED_BY.matcher(lower).find());
  }

  /** "In conclusion, early care saves lives." reads better as "Early care saves lives." */
  private static List<String> leadInDropped(List<String> sentences) {
    List<String> result = new ArrayList<>(sentences);
    Matcher leadIn = LEAD_IN.matcher(result.get(0));
    if (leadIn.find() && leadIn.end() < result.get(0).length()) {
      String rest = result.get(0).substring(leadIn.end());
      result.set(0, rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1));
    }
    return result;
  }

  private static String withoutCopyrightTail(String text) {
    // The pattern is slow to rule out at every position; most abstracts hold none of its marks.
    if (text.indexOf('©') < 0 && !text.contains("(c)") && !text.contains("Copyright")) {
      return text;
    }
    return COPYRIGHT_TAIL.matcher(text).replaceFirst("");
  }

  private static String afterPreamble(String text) {
    // The pattern is slow to rule out at every position; most abstracts name none of its labels.
    if (!text.contains("bstract")
        && !text.contains("BSTRACT")
        && !text.contains("ummary")
        && !text.contains("UMMARY")) {
      return text;
    }
    Matcher label = LABEL.matcher(text);
    if (label.find() && label.start() <= PREAMBLE_LIMIT && label.end() < text.length()) {
      return text.substring(label.end());
    }
    return text;
  }
}

package org.paperboy.summarise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits scientific prose into sentences. "et al.", "e.g.", "i.e.", "vs.", "Fig. 2", taxonomic "sp.
 * nov.", decimals ("1.5", "P < .05"), ranges ("95% CI 1.2-3.4") and initials ("J. Smith") do not
 * end a sentence. Thread-safe.
 */
public final class Sentences {

  // Abbreviations that end in a period inside a sentence, lower case, without their last period.
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "al", "e.g", "i.e", "eg", "ie", "vs", "v", "cf", "ca", "approx", "fig", "figs", "eq",
          "eqs", "ref", "refs", "no", "nos", "vol", "vols", "pp", "p", "dr", "mr", "mrs", "ms",
          "prof", "st", "sp", "spp", "ssp", "subsp", "var", "gen", "nov", "comb", "stat", "rev",
          "n", "inc", "ltd", "co", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "dec", "resp", "incl", "dept", "univ", "min", "max", "mol", "wt",
          "conc", "temp", "sd", "se", "est", "etc", "viz", "u.s", "u.k", "ed", "eds", "suppl",
          "sect", "chap", "tab");

  // Words that start sentences of abstracts far more often than they follow an abbreviation or an
  // initial: "…for finite N. The importance…", "…stat. rev. The status…".
  private static final Set<String> STARTERS =
      Set.of(
          "The",
          "This",
          "These",
          "Those",
          "There",
          "Thus",
          "Therefore",
          "Here",
          "We",
          "Our",
          "In",
          "It",
          "Its",
          "However",
          "Although",
          "Furthermore",
          "Moreover",
          "Finally",
          "Overall",
          "Both",
          "All",
          "Most",
          "Such",
          "Using",
          "Based",
          "Two",
          "Three",
          "Four",
          "Five",
          "Results",
          "Conclusions",
          "Methods",
          "Background",
          "Objective",
          "Purpose");

  private Sentences() {}

  /** The sentences of {@code text}, trimmed, in order. */
  public static List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '。' || c == '！' || c == '？') {
        add(sentences, text.substring(start, i + 1));
        start = i + 1;
        continue;
      }
      if (c != '.' && c != '!' && c != '?') {
        continue;
      }
      int end = i + 1;
      while (end < text.length() && "\"'”’)]".indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      if (end >= text.length() || !Character.isWhitespace(text.charAt(end))) {
        continue;
      }
      int next = end;
      while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      if (next >= text.length() || !startsSentence(text.charAt(next))) {
        continue;
      }
      if (c == '.' && endsWithAbbreviation(text, i) && !STARTERS.contains(wordAt(text, next))) {
        continue;
      }
      add(sentences, text.substring(start, end));
      start = next;
      i = next - 1;
    }
    add(sentences, text.substring(Math.min(start, text.length())));
    return sentences;
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c)
        || Character.isDigit(c)
        || "\"'“‘([".indexOf(c) >= 0
        || Character.isIdeographic(c);
  }

  /** True when the word before the period at {@code period} is an abbreviation or an initial. */
  private static boolean endsWithAbbreviation(String text, int period) {
    int from = period;
    while (from > 0
        && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
      from--;
    }
    String word = text.substring(from, period);
    if (word.isEmpty()) {
      return false;
    }
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true; // an initial: "J. Smith"
    }
    if (word.contains(".") && word.replace(".", "").length() <= 3) {
      return true; // "e.g", "i.e", "U.S", "P.-L"
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static String wordAt(String text, int start) {
    int end = start;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return text.substring(start, end);
  }

  private static void add(List<String> sentences, String sentence) {
    String trimmed = sentence.strip();
    if (!trimmed.isEmpty()) {
      sentences.add(trimmed);
    }
  }
}

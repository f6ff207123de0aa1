package org.paperboy.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a description that is only a citation, which publishers put where an abstract would
 * be: Wiley's tables of contents ("TAXON, Volume 70, Issue 5, Page 1131-1132, October 2021."),
 * Taylor &amp; Francis's ("Volume 56, Issue 3, December 2021, Page 163-175"), ScienceDirect's
 * ("Publication date: … Source: … Author(s): …"), PubMed's citation line, "TAXON, EarlyView.". Such
 * text is not an abstract: parse does not choose it, so that enrich asks the article page, and
 * summarise never posts it. Thread-safe.
 */
public final class Citation {

  private static final int LONGEST = 3000;
  private static final int PROSE_WORDS = 7;
  private static final Pattern BLOCK =
      Pattern.compile("<\\s*/?\\s*(?:br|p|div|li|h[1-6])\\b[^>]*>|\\n", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
  // A label opens a field, also in the middle of a line: ScienceDirect's three fields come as one
  // line once their <p>s are gone.
  private static final String LABELS =
      "publication date|published online|published|available online|source|journal"
          + "|author\\(s\\)|authors?|volume|issue|pages?|year|citation|doi";
  private static final Pattern LABEL_INSIDE =
      Pattern.compile("\\s(?=(?:" + LABELS + ")\\s*:)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LABELLED =
      Pattern.compile("(" + LABELS + ")\\s*:\\s*(.*)", Pattern.CASE_INSENSITIVE);
  // A line's parts: split at commas and semicolons, and at a full stop that ends no abbreviation
  // of volume, number or pages ("Vol. 12", "pp. 3-9").
  private static final Pattern PARTS =
      Pattern.compile(
          "\\s*[,;]\\s*|(?<!\\b(?:vol|no|nr|pp|p|iss|suppl|art))\\.(?:\\s+|$)",
          Pattern.CASE_INSENSITIVE);
  private static final String MONTH =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
          + "|spring|summer|autumn|fall|winter)\\.?";
  private static final String MONTHS = MONTH + "(?:\\s*[-–/]\\s*" + MONTH + ")?";
  private static final String YEAR = "(?:1[89]|20)\\d{2}";
  private static final String DATE =
      "(?:(?:\\d{1,2}\\s+)?"
          + MONTHS
          + "(?:\\s+\\d{1,2})?\\s+"
          + YEAR
          + "|"
          + YEAR
          + "(?:\\s+"
          + MONTHS
          + "(?:\\s+\\d{1,2})?)?"
          + "|"
          + MONTHS
          + "\\s+\\d{1,2}"
          + "|\\d{4}-\\d{2}-\\d{2})";
  private static final String PAGE = "[a-z]?\\d+[a-z]?|[ivxlc]+";
  // Each part of a citation, whole: volume, issue, pages, article number, date, publication
  // status, identifiers.
  private static final List<Pattern> ELEMENTS =
      List.of(
          part("vol(?:ume|\\.)?\\s*\\d+[a-z]?(?:\\s*\\(\\s*\\d+(?:\\s*[-–]\\s*\\d+)?\\s*\\))?"),
          part(
              "(?:issue|iss\\.?|no\\.?|number|nr\\.?)\\s*(?:[a-z]?\\d+[a-z]?(?:\\s*[-–/]\\s*\\d+)?"
                  + "|supplement(?:\\s*\\d+)?|suppl\\.?\\s*\\d*|s\\d+)"),
          part("(?:pages?|pp?\\.?)\\s*(?:" + PAGE + ")(?:\\s*[-–—]\\s*(?:" + PAGE + "))?"),
          part(
              "(?:article(?:\\s+(?:no\\.?|number))?|art\\.?(?:\\s*no\\.?)?)\\s*[a-z]?\\d+|e\\d{3,}"),
          // "71(12)", "87:102531", "12(3):45-67", a bare volume or page range.
          part(
              "\\d+[a-z]?(?:\\s*\\([^()]{1,20}\\))?(?::\\s*(?:"
                  + PAGE
                  + ")(?:\\s*[-–]\\s*(?:"
                  + PAGE
                  + "))?)?|\\d+\\s*[-–]\\s*\\d+"),
          part(
              // A date, with PubMed's location of an article ahead of print: "2021 Dec 17:S0002-…".
              "(?:(?:available|published|first published|epub|e-?pub)(?:\\s+online)?\\s+)?"
                  + DATE
                  + "(?::\\s*\\S+)?"),
          part(
              "early\\s*view|(?:epub\\s+|online\\s+)?ahead\\s+of\\s+print|(?:article\\s+)?in press"
                  + "|accepted manuscript|just accepted|online first|journal pre-proof"
                  + "|(?:un)?corrected proof|version of record(?:\\s+online)?"),
          part("(?:doi:?\\s*|https?://(?:dx\\.)?doi\\.org/)10\\.\\d{4,9}/\\S+"),
          part("pmid:?\\s*\\d+|pmcid:?\\s*pmc\\d+"));
  private static final int JOURNAL_WORDS = 15;
  private static final int NAME_WORDS = 6;

  private Citation() {}

  private static Pattern part(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * True when {@code html} (or plain text) holds a citation and nothing else: its lines are each a
   * labelled citation field or a journal name followed by volume, issue, pages, date, status or
   * identifiers. False for empty text.
   */
  public static boolean isOnly(String html) {
    if (html == null || html.isBlank() || html.length() > LONGEST || readsAsProse(html)) {
      return false;
    }
    String text = html.indexOf('<') < 0 && html.contains("&lt;") ? entities(html) : html;
    boolean any = false;
    for (String block : BLOCK.split(text)) {
      String line = SPACES.matcher(entities(TAG.matcher(block).replaceAll(" "))).replaceAll(" ");
      line = line.strip();
      if (line.codePoints().noneMatch(Character::isLetterOrDigit)) {
        continue;
      }
      for (String field : LABEL_INSIDE.split(line)) {
        if (!isField(field.strip())) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /**
   * True when {@code text} holds a run of words that all start in lower case, as prose does and a
   * citation never does ("Online ahead of print" has three); a quick scan that spares an abstract
   * the patterns.
   */
  private static boolean readsAsProse(String text) {
    int run = 0;
    boolean wordStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        wordStart = true;
      } else if (wordStart) {
        wordStart = false;
        run = Character.isLowerCase(c) ? run + 1 : 0;
        if (run >= PROSE_WORDS) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isField(String field) {
    Matcher labelled = LABELLED.matcher(field);
    if (!labelled.matches()) {
      return isCitationLine(field);
    }
    String label = labelled.group(1).toLowerCase(Locale.ROOT);
    String value = labelled.group(2).strip();
    if (label.startsWith("author")) {
      return isNameList(value);
    }
    return isCitationLine(value) || !value.isEmpty() && words(value) <= 8;
  }

  /** "TAXON, Volume 70, Issue 5, Page 1131-1132, October 2021." and the like. */
  private static boolean isCitationLine(String line) {
    int journalWords = 0;
    int elements = 0;
    Matcher separator = PARTS.matcher(line);
    int from = 0;
    boolean afterComma = false;
    // Part by part, so that an abstract's long first sentence ends the search at once.
    while (from <= line.length()) {
      boolean found = separator.find();
      int end = found ? separator.start() : line.length();
      String part = line.substring(from, end).strip();
      if (!part.isEmpty()) {
        if (isElement(part)) {
          elements++;
        } else if (elements > 0 || afterComma && journalWords > 0) {
          // Only the journal's name, first, is not an element: one part, or abbreviations
          // ("Parasitol Int. 2021 Dec 17;…"), never a list.
          return false;
        } else if ((journalWords += words(part)) > JOURNAL_WORDS) {
          return false;
        }
      }
      if (!found) {
        break;
      }
      afterComma = separator.group().indexOf('.') < 0;
      from = separator.end();
    }
    return elements > 0;
  }

  private static boolean isElement(String part) {
    String value = part.strip();
    for (Pattern element : ELEMENTS) {
      if (element.matcher(value).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * "David R. Bickel", "A. Smith, B. Jones and C. Wu": names of a few words each, or none (an
   * editorial board's "Author(s):").
   */
  private static boolean isNameList(String value) {
    for (String name : value.split("\\s*(?:[,;&]|\\band\\b)\\s*")) {
      String plain = name.replaceAll("(?i)\\bet al\\.?", "").strip();
      if (!plain.isEmpty()
          && (words(plain) > NAME_WORDS || !Character.isLetter(plain.codePointAt(0)))) {
        return false;
      }
    }
    return true;
  }

  private static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : SPACES.split(stripped).length;
  }

  private static String entities(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    return text.replace("&nbsp;", " ")
        .replace("&#160;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}

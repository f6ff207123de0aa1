package org.paperboy.summarise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds the sections of a structured abstract, whether their labels come as HTML ({@code <b>},
 * {@code <strong>}, {@code <h3>}, JATS {@code <sec><title>}) or as text ("Background:", "METHODS",
 * "Results."). Thread-safe.
 */
final class StructuredAbstract {

  // Private-use characters around a label found in the HTML: they survive text extraction.
  private static final char OPEN = '\uE000';
  private static final char CLOSE = '\uE001';
  private static final Pattern MARKED =
      Pattern.compile(OPEN + "([^" + CLOSE + "]+)" + CLOSE + "\\s*[:.]?\\s*");
  private static final Pattern IN_TEXT = labelsInText("(?:\\s*([:.])(?=\\s)|(?=\\s))\\s*");
  // The same labels with nothing after them: isGluedLabel checks what follows.
  private static final Pattern GLUED = labelsInText("");
  // The first words of the labels, folded as IN_TEXT folds case: where a sentence starts with none
  // of them, the pattern cannot match and is not tried.
  private static final Set<String> FIRST_WORDS = firstWords();
  // The same, by their first letter: a glued label is looked for among a few words, not all.
  private static final Map<Character, List<String>> FIRST_WORDS_BY_LETTER =
      FIRST_WORDS.stream().collect(Collectors.groupingBy(w -> w.charAt(0)));
  // The elements that can set a label apart, parsed once.
  private static final Evaluator LABEL_ELEMENTS =
      QueryParser.parse("b, strong, h1, h2, h3, h4, h5, h6, title, jats|title, dt, label");
  private static final Pattern LABEL_END = Pattern.compile("[:.]\\s*$");

  private StructuredAbstract() {}

  /**
   * Clean text from abstract HTML, with labels that the HTML set apart (bold, headings, JATS
   * titles) marked so that {@link #sections} recognises them for certain.
   */
  static String markedText(String html) {
    if (html.isBlank()) {
      return "";
    }
    if (HtmlText.isPlain(html)) {
      return HtmlText.fold(html);
    }
    Document document = HtmlText.parse(html);
    for (Element element : document.select(LABEL_ELEMENTS)) {
      String text = element.text();
      if (Section.kindOf(text).isPresent()) {
        element.replaceWith(
            new TextNode(" " + OPEN + LABEL_END.matcher(text).replaceAll("") + CLOSE + " "));
      }
    }
    return HtmlText.of(document);
  }

  /** The sections of {@code text}; one {@link Section.Kind#OTHER} section when none is labelled. */
  static List<Section> sections(String text) {
    List<int[]> cuts = new ArrayList<>(); // start of label, start of its text
    List<String> labels = new ArrayList<>();
    Matcher marked = MARKED.matcher(text);
    while (marked.find()) {
      cuts.add(new int[] {marked.start(), marked.end()});
      labels.add(marked.group(1));
    }
    if (cuts.isEmpty()) {
      // A label starts the text or follows a sentence's end: try only there, not at every
      // character, as the pattern holds every label there is.
      Matcher inText = IN_TEXT.matcher(text).useTransparentBounds(true);
      Matcher glued = GLUED.matcher(text).useTransparentBounds(true);
      int from = 0;
      for (int start = 0; start < text.length(); start = nextSentenceStart(text, start)) {
        start = skipSpaces(text, start);
        if (start < from || start >= text.length()) {
          continue;
        }
        String word = foldedWordAt(text, start);
        Matcher label = null;
        if (FIRST_WORDS.contains(word)
            && inText.region(start, text.length()).lookingAt()
            && isLabel(text, inText)) {
          label = inText;
        } else if ((FIRST_WORDS.contains(word) || startsWithALabel(word))
            && glued.region(start, text.length()).lookingAt()
            && isGluedLabel(text, glued)) {
          label = glued;
        }
        if (label != null) {
          cuts.add(new int[] {label.start(1), label.end()});
          labels.add(label.group(1));
          from = label.end();
        }
      }
    }
    List<Section> sections = new ArrayList<>();
    int previousEnd = 0;
    String previousLabel = "";
    for (int i = 0; i <= cuts.size(); i++) {
      int end = i < cuts.size() ? cuts.get(i)[0] : text.length();
      String body = text.substring(previousEnd, end).strip();
      if (!body.isEmpty() || !previousLabel.isEmpty()) {
        Section.Kind kind =
            previousLabel.isEmpty()
                ? Section.Kind.OTHER
                : Section.kindOf(previousLabel).orElse(Section.Kind.OTHER);
        sections.add(new Section(kind, previousLabel, body));
      }
      if (i < cuts.size()) {
        previousEnd = cuts.get(i)[1];
        previousLabel = labels.get(i);
      }
    }
    return sections;
  }

  /** Where the text after the next sentence-ending character at or after {@code from} begins. */
  private static int nextSentenceStart(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (endsSentence(text.charAt(i))) {
        return i + 1;
      }
    }
    return text.length();
  }

  /** True for what may end the sentence before a label in running text. */
  private static boolean endsSentence(char c) {
    return switch (c) {
      case '.', '!', '?', ':', ';', ')', ']' -> true;
      default -> false;
    };
  }

  /**
   * The letters at {@code start}, each folded as a case-insensitive Unicode pattern compares them:
   * "RESULTS" and "Results" both give "results".
   */
  private static String foldedWordAt(String text, int start) {
    StringBuilder word = new StringBuilder();
    for (int i = start; i < text.length() && Character.isLetter(text.charAt(i)); i++) {
      word.append(Character.toLowerCase(Character.toUpperCase(text.charAt(i))));
    }
    return word.toString();
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * A label in running text (which {@link #sections} looks for only where the text or a sentence
   * starts) is either written in capitals ("RESULTS The…") or followed by a colon or period
   * ("Results: …", "Results. …").
   */
  private static boolean isLabel(String text, Matcher m) {
    String label = m.group(1);
    boolean punctuated = m.group(2) != null;
    boolean capitals = label.equals(label.toUpperCase(Locale.ROOT)) && label.length() >= 3;
    if (punctuated) {
      // "Results." could end a one-word sentence; it is a label only if text follows.
      return m.end() < text.length();
    }
    return capitals && m.end() < text.length() && Character.isUpperCase(text.charAt(m.end()));
  }

  /**
   * A label glued to its text, as JAMA Network's page descriptions join their sections
   * ("ContextResearchers conducted…", "…in 2019.ResultsAmong…"): where the text or a sentence
   * starts, as {@link #isLabel}, written as a label is printed ("Context", "Conclusions and
   * Relevance"), and followed at once by a capital or a digit.
   */
  private static boolean isGluedLabel(String text, Matcher m) {
    String label = m.group(1);
    return Character.isUpperCase(label.charAt(0))
        && Character.isLowerCase(label.charAt(label.length() - 1))
        && m.end() + 1 < text.length()
        && (Character.isUpperCase(text.charAt(m.end())) || Character.isDigit(text.charAt(m.end())));
  }

  /** True when {@code word} (folded) is a label's first word with more letters glued to it. */
  private static boolean startsWithALabel(String word) {
    if (word.isEmpty()) {
      return false;
    }
    for (String first : FIRST_WORDS_BY_LETTER.getOrDefault(word.charAt(0), List.of())) {
      if (word.length() > first.length() && word.startsWith(first)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> firstWords() {
    Set<String> words = new HashSet<>();
    for (String label : Section.labels()) {
      words.add(foldedWordAt(label, 0));
    }
    return Set.copyOf(words);
  }

  private static Pattern labelsInText(String ending) {
    List<String> labels = new ArrayList<>(Section.labels());
    labels.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder alternatives = new StringBuilder();
    for (String label : labels) {
      if (alternatives.length() > 0) {
        alternatives.append('|');
      }
      alternatives.append(Pattern.quote(label).replace(" ", "\\E\\s+\\Q"));
    }
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])(" + alternatives + ")" + ending,
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The first section of {@code kind}, if any. */
  static Optional<Section> first(List<Section> sections, Section.Kind kind) {
    return sections.stream().filter(s -> s.kind() == kind && !s.text().isEmpty()).findFirst();
  }
}

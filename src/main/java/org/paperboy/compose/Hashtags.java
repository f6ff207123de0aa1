package org.paperboy.compose;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.model.HashtagRule;
import org.paperboy.model.Paper;
import org.paperboy.model.TextRules;

/**
 * Chooses a post's hashtags: the feed's own, then those of matching rules active today,
 * de-duplicated case-insensitively, at most {@code max-hashtags}. A tag whose word the text already
 * holds is left out, unless its rule asks to turn that word into the tag, and so is a tag the
 * platform would not read as one. Thread-safe.
 */
final class Hashtags {

  /**
   * The outcome.
   *
   * @param appended the tags to append, each with its {@code #}
   * @param title the title, with a word turned into a tag where a rule asked
   * @param sentences the summary, likewise
   */
  record Choice(List<String> appended, String title, List<String> sentences) {}

  private final TextRules rules;
  // The configured tags are few and checked for every post: each is compiled once.
  private final Map<String, Pattern> wordPatterns = new ConcurrentHashMap<>();

  Hashtags(TextRules rules) {
    this.rules = rules;
  }

  Choice choose(
      FeedStyle style, Paper paper, String title, List<String> sentences, LocalDate today) {
    List<Candidate> candidates = new ArrayList<>();
    for (String tag : style.hashtags()) {
      candidates.add(new Candidate(tag, false));
    }
    String abstractText = String.join(" ", sentences);
    for (HashtagRule rule : style.rules()) {
      if (rule.activeOn(today) && matches(rule, paper, title, abstractText)) {
        candidates.add(new Candidate(rule.tag(), rule.tagWordInText()));
      }
    }
    List<String> appended = new ArrayList<>();
    List<String> text = new ArrayList<>(sentences);
    // The title and summary folded as the word patterns fold case: a tag whose folded word is not
    // in it appears nowhere, and its pattern need not be tried. Turning a word into a tag only adds
    // a '#', so the folded text stays true of what it may hold.
    String folded = folded(title + " " + abstractText);
    String newTitle = title;
    Set<String> seen = new HashSet<>();
    int used = 0;
    for (Candidate candidate : candidates) {
      if (used >= style.maxHashtags()) {
        break;
      }
      String word = candidate.tag().substring(1);
      if (!seen.add(word.toLowerCase(Locale.ROOT)) || !rules.isHashtag(candidate.tag())) {
        continue;
      }
      if (!folded.contains(folded(word))) {
        appended.add(candidate.tag());
        used++;
        continue;
      }
      Pattern asWord = wordPatterns.computeIfAbsent(word, Hashtags::asWord);
      Matcher inTitle = asWord.matcher(newTitle);
      int inSentence = firstSentenceHolding(asWord, text);
      if (!inTitle.find() && inSentence < 0) {
        appended.add(candidate.tag());
        used++;
      } else if (candidate.tagWordInText()) {
        if (asWord.matcher(newTitle).find()) {
          newTitle =
              asWord.matcher(newTitle).replaceFirst(m -> "#" + Matcher.quoteReplacement(m.group()));
        } else {
          text.set(
              inSentence,
              asWord
                  .matcher(text.get(inSentence))
                  .replaceFirst(m -> "#" + Matcher.quoteReplacement(m.group())));
        }
        used++;
      }
    }
    return new Choice(appended, newTitle, text);
  }

  private static int firstSentenceHolding(Pattern word, List<String> sentences) {
    for (int i = 0; i < sentences.size(); i++) {
      if (word.matcher(sentences.get(i)).find()) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matches(HashtagRule rule, Paper paper, String title, String abstractText) {
    for (HashtagRule.Field field : rule.fields()) {
      boolean found =
          switch (field) {
            case TITLE -> rule.pattern().matcher(title).find();
            case ABSTRACT -> rule.pattern().matcher(abstractText).find();
            case CATEGORY ->
                paper.categories().stream().anyMatch(c -> rule.pattern().matcher(c).find())
                    || (paper.articleType() != null
                        && rule.pattern().matcher(paper.articleType()).find());
          };
      if (found) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code text} with each character folded as a case-insensitive Unicode pattern folds it before
   * comparing: "MedEd" and "MEDED" both give "meded".
   */
  private static String folded(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c < 0x80) {
        folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        i++;
        continue;
      }
      int codePoint = text.codePointAt(i);
      folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(codePoint)));
      i += Character.charCount(codePoint);
    }
    return folded.toString();
  }

  private static Pattern asWord(String word) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}_#@])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private record Candidate(String tag, boolean tagWordInText) {}
}

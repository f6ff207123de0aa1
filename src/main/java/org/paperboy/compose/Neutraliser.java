package org.paperboy.compose;

import com.twitter.twittertext.Extractor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps feed text from mentioning anyone or tagging a ticker by accident: an "@name" or "$TICKER"
 * that twitter-text would extract gets a zero-width space after its sigil, so it reads the same but
 * links nowhere. Thread-safe.
 */
final class Neutraliser {

  private static final char ZERO_WIDTH_SPACE = '\u200B';

  private final Extractor extractor = new Extractor();

  String neutralise(String text) {
    if (text.indexOf('@') < 0 && text.indexOf('＠') < 0 && text.indexOf('$') < 0) {
      return text;
    }
    List<Extractor.Entity> entities =
        new ArrayList<>(extractor.extractMentionsOrListsWithIndices(text));
    entities.addAll(extractor.extractCashtagsWithIndices(text));
    entities.sort(Comparator.comparingInt(Extractor.Entity::getStart).reversed());
    StringBuilder out = new StringBuilder(text);
    for (Extractor.Entity entity : entities) {
      // The entity starts at its sigil ("@" or "$"); break the link right after it.
      out.insert(entity.getStart() + 1, ZERO_WIDTH_SPACE);
    }
    return out.toString();
  }
}

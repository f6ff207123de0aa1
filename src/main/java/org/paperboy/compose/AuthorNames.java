package org.paperboy.compose;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.paperboy.model.Author;

/** Author names as posts print them, and the key that matches one person's spellings. */
final class AuthorNames {

  private static final Pattern INITIALS = Pattern.compile("\\p{Lu}{1,3}|(\\p{Lu}\\.[\\s-]*)+");
  private static final Pattern NOT_IN_A_NAME = Pattern.compile("[^\\p{L}\\p{Nd}\\s,.'-]");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}");

  private AuthorNames() {}

  /** A name's surname and first initial, whatever the order it is printed in. */
  record Key(String surname, char initial) {}

  /**
   * The key of {@code name}: "Smith, Jane", "Smith J", "J. Smith", "Jane A. Smith" all give (smith,
   * j). Accents and case are ignored.
   */
  static Optional<Key> key(String name) {
    String plain = NOT_IN_A_NAME.matcher(fold(name)).replaceAll("").strip();
    if (plain.isEmpty()) {
      return Optional.empty();
    }
    String surname;
    String given;
    int comma = plain.indexOf(',');
    if (comma > 0) {
      surname = plain.substring(0, comma).strip();
      given = plain.substring(comma + 1).strip();
    } else {
      String[] words = SPACES.split(plain);
      if (words.length == 1) {
        return Optional.empty();
      }
      String last = name.strip().substring(name.strip().lastIndexOf(' ') + 1);
      if (INITIALS.matcher(last).matches()) {
        // "Smith JA": PubMed's surname-then-initials.
        given = words[words.length - 1];
        surname = plain.substring(0, plain.lastIndexOf(' ')).strip();
      } else {
        given = words[0];
        surname = words[words.length - 1];
      }
    }
    if (surname.isEmpty() || given.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Key(surname.toLowerCase(Locale.ROOT), Character.toLowerCase(given.charAt(0))));
  }

  /** The surname as printed: "Smith" from "Smith, Jane", "Smith J" or "Jane Smith". */
  static String surname(String name) {
    String value = name.strip();
    int comma = value.indexOf(',');
    if (comma > 0) {
      return value.substring(0, comma).strip();
    }
    String[] words = SPACES.split(value);
    if (words.length > 1 && INITIALS.matcher(words[words.length - 1]).matches()) {
      return value.substring(0, value.lastIndexOf(' ')).strip();
    }
    return words[words.length - 1];
  }

  /**
   * How {@code {authors}} may read, longest first: every name, then surnames, then "First et al.".
   */
  static List<String> variants(List<Author> authors) {
    if (authors.isEmpty()) {
      return List.of("");
    }
    List<String> names = new ArrayList<>();
    List<String> surnames = new ArrayList<>();
    for (Author author : authors) {
      names.add(author.name());
      surnames.add(surname(author.name()));
    }
    String first = surnames.get(0);
    return List.of(
        String.join(", ", names),
        String.join(", ", surnames),
        authors.size() == 1 ? first : first + " et al.");
  }

  private static String fold(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
  }
}

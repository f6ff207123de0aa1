package org.paperboy.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits the author fields feeds print into one name per author. */
final class Authors {

  private static final Pattern AND = Pattern.compile("\\s+(?:and|&)\\s+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  // "N.", "P.-L.", "R. J.": the initials of the surname before them ("LAPALU, N., SIMON, A.").
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.[\\s-]*)+|\\p{Lu}{1,3}");

  private Authors() {}

  /**
   * The names in {@code fields}, de-duplicated in order. A field holding several names ("A B, C D
   * and E F"; "A; B") is split; "Smith, Jane" stays one name.
   */
  static List<String> split(List<String> fields) {
    Set<String> names = new LinkedHashSet<>();
    for (String field : fields) {
      if (field == null) {
        continue;
      }
      for (String part : field.split(";")) {
        names.addAll(splitCommas(part));
      }
    }
    names.removeIf(String::isBlank);
    return List.copyOf(names);
  }

  private static List<String> splitCommas(String field) {
    String text = SPACES.matcher(field.strip()).replaceAll(" ");
    List<String> pieces = new ArrayList<>();
    for (String piece : text.split(",")) {
      for (String name : AND.split(piece.strip())) {
        pieces.add(name.strip());
      }
    }
    // "Smith, Jane" and "Smith, J." are one person written surname first: its pieces are single
    // words. A list of names has pieces of several words ("Jane Smith, John Doe").
    boolean list = pieces.size() > 2 || pieces.stream().allMatch(p -> p.contains(" "));
    if (pieces.size() <= 1 || !list) {
      return List.of(text);
    }
    List<String> names = new ArrayList<>();
    for (String piece : pieces) {
      if (!names.isEmpty() && INITIALS.matcher(piece).matches()) {
        names.set(names.size() - 1, names.get(names.size() - 1) + ", " + piece);
      } else {
        names.add(piece);
      }
    }
    return names;
  }
}

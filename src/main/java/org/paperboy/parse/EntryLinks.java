package org.paperboy.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The canonical links of one feed's entries, made together so that making links canonical never
 * merges two entries into one paper. Where dropping a tracking parameter would give entries with
 * different guids and different links one link, the parameters whose values tell them apart are
 * kept: a publisher may name its articles by a parameter that is tracking elsewhere.
 */
final class EntryLinks {

  private EntryLinks() {}

  /**
   * The canonical form of each of {@code links}, in order.
   *
   * @param links each entry's link as the feed wrote it, or {@code null}
   * @param guids each entry's guid or Atom id as the feed wrote it, or {@code null}
   * @param base the feed's URL, against which relative links are resolved
   */
  static List<String> canonical(List<String> links, List<String> guids, URI base) {
    List<String> canonical = new ArrayList<>(links.size());
    Map<String, List<Integer>> byLink = new LinkedHashMap<>();
    for (int i = 0; i < links.size(); i++) {
      String link = Links.canonical(links.get(i), base);
      canonical.add(link);
      if (link != null) {
        byLink.computeIfAbsent(link, k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> entries : byLink.values()) {
      // Links the same as written have no parameter to tell them apart: they keep their link.
      if (haveDifferentGuids(entries, guids, links)) {
        Set<String> telling = tellingParameters(entries, links, base);
        for (int i : entries) {
          canonical.set(i, Links.canonical(links.get(i), base, telling));
        }
      }
    }
    return canonical;
  }

  /**
   * True when the entries are more than one entry: one listed twice (one guid) stays one paper
   * however its links' tracking differs.
   */
  private static boolean haveDifferentGuids(
      List<Integer> entries, List<String> guids, List<String> links) {
    Set<String> distinct = new HashSet<>();
    for (int i : entries) {
      // An entry without a guid is known by its link, as PaperMapper knows it.
      distinct.add(Objects.requireNonNullElse(guids.get(i), links.get(i)).strip());
    }
    return distinct.size() > 1;
  }

  /** The parameters, lower case, whose values differ between the entries' links. */
  private static Set<String> tellingParameters(
      List<Integer> entries, List<String> links, URI base) {
    List<Map<String, String>> parameters = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i : entries) {
      Map<String, String> own = Links.parameters(links.get(i), base);
      parameters.add(own);
      names.addAll(own.keySet());
    }
    Set<String> telling = new HashSet<>();
    for (String name : names) {
      Set<String> values = new HashSet<>();
      for (Map<String, String> own : parameters) {
        values.add(Objects.requireNonNullElse(own.get(name), "\u0000absent"));
      }
      if (values.size() > 1) {
        telling.add(name);
      }
    }
    return telling;
  }
}

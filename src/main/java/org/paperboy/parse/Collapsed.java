package org.paperboy.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperboy.model.Paper;
import org.paperboy.model.PaperIdentity;

/**
 * Finds the entries of one feed that Paperboy would take for one paper: different guids, one
 * identity (the same DOI or link). Only the first of them would be posted and the others recorded
 * as seen, so the feed is worth a warning: CNKI's twenty articles once became one this way.
 */
final class Collapsed {

  private static final int EXAMPLES = 3;

  private Collapsed() {}

  /** One warning line for the feed's collapsed entries, or empty when none collapse. */
  static Optional<String> warning(List<Paper> papers) {
    Map<PaperIdentity, Set<String>> guids = new LinkedHashMap<>();
    for (Paper paper : papers) {
      guids.computeIfAbsent(paper.identity(), k -> new LinkedHashSet<>()).add(paper.guid());
    }
    int lost = 0;
    List<String> groups = new ArrayList<>();
    for (Map.Entry<PaperIdentity, Set<String>> group : guids.entrySet()) {
      if (group.getValue().size() > 1) {
        lost += group.getValue().size() - 1;
        groups.add(describe(group.getKey(), List.copyOf(group.getValue())));
      }
    }
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        lost
            + " of "
            + papers.size()
            + " entries will not be posted: each has the "
            + "same DOI or link as another entry with a different guid ("
            + String.join("; ", groups.subList(0, Math.min(2, groups.size())))
            + (groups.size() > 2 ? "; and " + (groups.size() - 2) + " more" : "")
            + ")");
  }

  private static String describe(PaperIdentity identity, List<String> guids) {
    String shown = String.join(", ", guids.subList(0, Math.min(EXAMPLES, guids.size())));
    int more = guids.size() - EXAMPLES;
    return identity + " for guids " + shown + (more > 0 ? " and " + more + " more" : "");
  }
}

package org.paperboy.model;

import java.util.Objects;

/**
 * What makes two entries the same paper: its DOI when known, else its link, else its guid within
 * its feed. Written {@code doi:10.1/x}, {@code link:https://…} or {@code guid:feed:guid}, as it is
 * stored.
 *
 * @param kind which of the three it is
 * @param value the DOI, link, or feed and guid
 */
public record PaperIdentity(Kind kind, String value) {

  /** What the identity rests on. */
  public enum Kind {
    DOI("doi:", "same DOI"),
    LINK("link:", "same link"),
    GUID("guid:", "same entry");

    private final String prefix;
    private final String sameness;

    Kind(String prefix, String sameness) {
      this.prefix = prefix;
      this.sameness = sameness;
    }

    /** How two papers with this kind of identity are the same, for messages: "same DOI". */
    public String sameness() {
      return sameness;
    }
  }

  public PaperIdentity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }

  /** The identity of {@code paper}. */
  public static PaperIdentity of(Paper paper) {
    if (paper.doi() != null) {
      return new PaperIdentity(Kind.DOI, paper.doi());
    }
    if (paper.link() != null) {
      return new PaperIdentity(Kind.LINK, paper.link());
    }
    return new PaperIdentity(Kind.GUID, paper.feedId() + ":" + paper.guid());
  }

  /**
   * The identity written {@code written}, as {@link #toString()} writes it.
   *
   * @throws IllegalArgumentException naming the text when it starts with no known kind
   */
  public static PaperIdentity parse(String written) {
    for (Kind kind : Kind.values()) {
      if (written.startsWith(kind.prefix)) {
        return new PaperIdentity(kind, written.substring(kind.prefix.length()));
      }
    }
    throw new IllegalArgumentException(
        "a paper's identity starts with doi:, link: or guid:, found " + written);
  }

  /** The written form, such as {@code doi:10.1136/bmj.n71}. */
  @Override
  public String toString() {
    return kind.prefix + value;
  }
}

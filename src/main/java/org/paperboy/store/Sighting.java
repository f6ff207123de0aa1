package org.paperboy.store;

/** What recording an entry found. */
public enum Sighting {
  /** A paper this account had not seen; queued if a post was given. */
  NEW,
  /** This feed showed this entry before. */
  SEEN_IN_FEED,
  /** The account has the paper already, from another feed or under another entry. */
  SAME_PAPER
}

package org.paperboy.operate;

/** Shows what polling a feed would post now, exactly as a poll decides, and records nothing. */
public interface Previews {

  /**
   * What polling {@code feedId} would do now: it is fetched in full and every entry judged.
   *
   * @throws IllegalArgumentException when the config in force has no such feed
   */
  Preview of(String feedId);
}

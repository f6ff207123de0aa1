package org.paperboy.model;

import java.util.Objects;

/**
 * One author as a feed names them.
 *
 * @param name the name as printed ("Smith J", "Jane Smith", "Smith, Jane")
 * @param orcid the ORCID iD ({@code 0000-0002-1825-0097}), or {@code null}
 */
public record Author(String name, String orcid) {

  public Author {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an author's name is blank");
    }
  }

  public static Author named(String name) {
    return new Author(name, null);
  }
}

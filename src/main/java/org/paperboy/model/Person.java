package org.paperboy.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Someone who asked to be credited in posts, from a roster file.
 *
 * @param name their name
 * @param orcid their ORCID iD, or {@code null}
 * @param aliases other ways feeds print their name ("Smith J", "Smith, Jane")
 * @param handles their handle per platform ({@code x} to {@code @janesmith})
 */
public record Person(String name, String orcid, List<String> aliases, Map<String, String> handles) {

  public Person {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    handles = Map.copyOf(handles);
  }
}

package org.paperboy.compose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.paperboy.model.Author;
import org.paperboy.model.Person;

/** The handles of a paper's authors who asked to be credited, in author order. */
final class Credits {

  private Credits() {}

  /**
   * The handles on {@code platform} of the roster people among {@code authors}, matched by ORCID
   * iD, else by name as feeds print it ("Smith J", "Jane Smith", "Smith, Jane").
   */
  static List<String> handles(List<Author> authors, List<Person> roster, String platform) {
    Set<String> handles = new LinkedHashSet<>();
    for (Author author : authors) {
      Optional<AuthorNames.Key> key = AuthorNames.key(author.name());
      for (Person person : roster) {
        String handle = person.handles().get(platform);
        if (handle == null || handle.isBlank()) {
          continue;
        }
        if (matches(author, key, person)) {
          handles.add(handle.startsWith("@") ? handle : "@" + handle);
          break;
        }
      }
    }
    return new ArrayList<>(handles);
  }

  private static boolean matches(Author author, Optional<AuthorNames.Key> key, Person person) {
    if (author.orcid() != null && person.orcid() != null) {
      return author.orcid().equalsIgnoreCase(person.orcid());
    }
    if (key.isEmpty()) {
      return false;
    }
    List<String> names = new ArrayList<>(person.aliases());
    names.add(person.name());
    for (String name : names) {
      if (AuthorNames.key(name).equals(key)) {
        return true;
      }
    }
    return false;
  }
}

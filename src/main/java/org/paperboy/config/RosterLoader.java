package org.paperboy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.paperboy.model.Person;

/**
 * Loads roster files: the people who asked to be credited, and their handles per platform.
 *
 * <pre>
 * people = [
 *   { name = "Jane Smith", orcid = "0000-0002-1825-0097", aliases = ["Smith J"], handles { x = "@janesmith" } }
 * ]
 * </pre>
 *
 * Each file is read once however many feeds name it.
 */
final class RosterLoader {

  private static final Pattern ORCID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
  private static final Pattern HANDLE = Pattern.compile("@?[A-Za-z0-9_]{1,15}");

  // Every person's keys and their defaults, declared in reference.conf.
  private static final String PERSON = "paperboy.defaults.person";

  private final List<ConfigProblem> problems;
  private final Map<Path, List<Person>> loaded = new HashMap<>();

  RosterLoader(List<ConfigProblem> problems) {
    this.problems = problems;
  }

  /** The people in the roster at {@code path} (relative to the file naming it); none for "". */
  List<Person> load(ConfigReader feed, String path) {
    if (path.isBlank()) {
      return List.of();
    }
    Path file = feed.folderOf("roster").resolve(path).normalize();
    if (loaded.containsKey(file)) {
      return loaded.get(file);
    }
    List<Person> people = new ArrayList<>();
    loaded.put(file, people);
    if (!Files.isRegularFile(file)) {
      feed.problem("roster", "no such roster file: " + file);
      return people;
    }
    Config roster;
    try {
      roster = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults()).resolve();
    } catch (ConfigException e) {
      problems.add(
          new ConfigProblem(
              e.origin() == null ? file.toString() : ConfigReader.describe(e.origin()),
              "",
              e.getMessage()));
      return people;
    }
    ConfigReader root = new ConfigReader(roster, file.toString(), problems, roster.root().origin());
    Optional<List<? extends Config>> entries = root.objects("people");
    Config defaults = ConfigFactory.defaultReference().getConfig(PERSON);
    Set<String> declared = ConfigLoader.declaredKeys(PERSON);
    for (int i = 0; i < entries.orElse(List.of()).size(); i++) {
      Config own = entries.get().get(i);
      ConfigReader reader =
          new ConfigReader(
              own.withFallback(defaults), "people[" + i + "]", problems, own.root().origin());
      reader.unknownKeys(own, declared);
      Optional<String> name = reader.string("name");
      Optional<String> orcid = reader.optionalString("orcid");
      orcid
          .filter(o -> !ORCID.matcher(o).matches())
          .ifPresent(
              o ->
                  reader.problem(
                      "orcid", "expected an ORCID iD such as 0000-0002-1825-0097, found " + o));
      List<String> aliases = reader.strings("aliases").orElse(List.of());
      Map<String, String> handles = new LinkedHashMap<>();
      if (own.hasPath("handles")) {
        for (String platform : own.getConfig("handles").root().keySet()) {
          String handle = own.getConfig("handles").getString(platform);
          if (!HANDLE.matcher(handle).matches()) {
            reader.problem(
                "handles." + platform, "expected a handle such as @janesmith, found " + handle);
          }
          handles.put(platform, handle);
        }
      }
      name.ifPresent(n -> people.add(new Person(n, orcid.orElse(null), aliases, handles)));
    }
    return people;
  }
}

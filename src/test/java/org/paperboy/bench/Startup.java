package org.paperboy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The maintainers' commands as whole processes, as a maintainer types them between edits: 21 real
 * journal feeds from the fixtures, read from local files. Each command is run several times and its
 * median wall time kept, with its CPU time and peak resident memory from GNU time. Paperboy runs as
 * {@code bin/paperboy} starts it and as {@code java -jar} does; Python's feed2toot (its {@code
 * --dry-run}, title and link only) runs on the same files when Debian's {@code feed2toot} is
 * installed.
 */
final class Startup {

  private static final int RUNS = 7;
  private static final Path TIME = Path.of("/usr/bin/time");
  private static final Path FEED2TOOT = Path.of("/usr/bin/feed2toot");
  static final List<String> FEEDS =
      List.of(
          "biorxiv_genomics_2023_1item.xml",
          "cnjournals_insect-taxonomy_chinese.xml",
          "cnki_plant-diversity-resources_chinese.xml",
          "elsevier-health_jpeds_atypon-rss1_1item.xml",
          "elsevier_sciencedirect_mol-phylogenet-evol.xml",
          "ingenta_persoonia.xml",
          "mdpi_fluids.xml",
          "med_bmc_bmc-bioinformatics_rss2_2025-04_trimmed.xml",
          "med_nature_subject-bioinformatics_atom_2025-03.xml",
          "med_plos_ploscompbiol_atom_2025-04_reserialized.xml",
          "microbiologysociety_ijsem_track-rss.xml",
          "ojs_entomologisk-tidskrift_atom.xml",
          "ojs_insecta-mundi_pdfjs-html.xml",
          "ojs_journal-threatened-taxa_rss1.xml",
          "ojs_zootaxa_magnolia-press.xml",
          "oup_bot-j-linn-soc.xml",
          "pensoft_zookeys.xml",
          "pubmed_search-new-species.xml",
          "science_aaas_current-issue_2021-05.xml",
          "tandf_studies-neotrop-fauna.xml",
          "wiley_taxon.xml");

  /** One command's figures: medians over the runs, and the most memory any run held. */
  record Figures(double wallSeconds, double cpuSeconds, long peakRssMiB) {}

  private final Path dir;
  private final Path fresh;
  private final Path used;

  private Startup(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir.toAbsolutePath());
    Path feeds = Path.of("src/test/resources/fixtures/feeds").toAbsolutePath();
    String blocks =
        FEEDS.stream()
            .map(
                name ->
                    "    f%d { url = \"file:%s\", account = lab, backfill = 1000 }"
                        .formatted(FEEDS.indexOf(name), feeds.resolve(name)))
            .collect(Collectors.joining("\n"));
    fresh = config("fresh", blocks);
    used = config("used", blocks);
    Files.writeString(
        this.dir.resolve("feeds.txt"),
        FEEDS.stream().map(n -> feeds.resolve(n).toString()).collect(Collectors.joining("\n")));
  }

  private Path config(String name, String blocks) throws IOException {
    return Files.writeString(
        dir.resolve(name + ".conf"),
        """
        paperboy {
          database.url = "jdbc:h2:file:%s"
          accounts.lab { platform = console, min-spacing = 0s, max-per-day = 10000 }
          feeds {
        %s
          }
        }
        """
            .formatted(dir.resolve(name + "-db"), blocks));
  }

  /** Prints the table; fails when a preview's posts differ between launchers or overrun. */
  static void run(Path dir) throws Exception {
    new Startup(dir).print();
  }

  private void print() throws Exception {
    // The maintainer's database exists: one never polled (preview sees every entry as new), one
    // after a cycle (feeds, queue and history have rows to show).
    paperboy(List.of("bin/paperboy"), "feeds", "--config", fresh.toString());
    paperboy(List.of("bin/paperboy"), "once", "--config", used.toString());
    int posts = checkPreviews();
    boolean withFeed2toot = Files.isExecutable(FEED2TOOT);
    Figures python = withFeed2toot ? feed2toot() : null;

    System.out.printf(
        Locale.ROOT,
        "%nStart-up: whole processes, medians of %d runs; %d feeds, %d posts previewed, local"
            + " files%n%-18s %28s %28s%s%n",
        RUNS,
        FEEDS.size(),
        posts,
        "command",
        "bin/paperboy",
        "java -jar",
        withFeed2toot ? "  feed2toot --dry-run (title, link)" : "");
    List<List<String>> commands =
        List.of(
            List.of("--version"),
            List.of("validate", "--config", used.toString()),
            List.of("preview", "--json", "--config", fresh.toString()),
            List.of("feeds", "--config", used.toString()),
            List.of("queue", "list", "--config", used.toString()),
            List.of("history", "--config", used.toString()));
    for (List<String> command : commands) {
      String[] args = command.toArray(String[]::new);
      boolean preview = args[0].equals("preview");
      System.out.printf(
          Locale.ROOT,
          "%-18s %28s %28s%s%n",
          String.join(
              " ",
              command.subList(
                  0, command.indexOf("--config") < 0 ? 1 : command.indexOf("--config"))),
          format(measure(List.of("bin/paperboy"), args)),
          format(measure(List.of("java", "-jar", "target/paperboy.jar"), args)),
          preview && python != null ? "  " + format(python) : "");
    }
    if (!withFeed2toot) {
      System.out.println("feed2toot: not run; install Debian's feed2toot to compare with it");
    }
  }

  /** The posts both launchers preview, which must be the same and each within its limit. */
  private int checkPreviews() throws Exception {
    String quick =
        paperboy(List.of("bin/paperboy"), "preview", "--json", "--config", fresh.toString());
    String plain =
        paperboy(
            List.of("java", "-jar", "target/paperboy.jar"),
            "preview",
            "--json",
            "--config",
            fresh.toString());
    if (!quick.equals(plain)) {
      throw new IllegalStateException("bin/paperboy and java -jar previewed different posts");
    }
    int posts = 0;
    ObjectMapper json = new ObjectMapper();
    for (String line : quick.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode post = json.readTree(line);
      if (post.get("length").asInt() > post.get("limit").asInt()) {
        throw new IllegalStateException("a previewed post overruns its limit: " + line);
      }
      posts++;
    }
    return posts;
  }

  private Figures feed2toot() throws Exception {
    Path ini =
        Files.writeString(
            dir.resolve("feed2toot.ini"),
            """
            [mastodon]
            instance_url=https://mastodon.example
            user_credentials=%1$s/user.txt
            client_credentials=%1$s/client.txt
            [cache]
            cachefile=%1$s/feed2toot-cache.db
            cache_limit=100000
            [lock]
            lock_file=%1$s/feed2toot.lock
            [rss]
            uri_list=%1$s/feeds.txt
            toot={title} {link}
            [feedparser]
            accept_bozo_exceptions=true
            """
                .formatted(dir));
    Files.writeString(dir.resolve("user.txt"), "");
    Files.writeString(dir.resolve("client.txt"), "");
    return measure(
        List.of(FEED2TOOT.toString()),
        new String[] {"-c", ini.toString(), "--dry-run", "--all", "-l", "100000"});
  }

  private Figures measure(List<String> launcher, String[] command) throws Exception {
    run(launcher, command); // the files in the page cache, as for a maintainer's second command
    List<Figures> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      runs.add(run(launcher, command));
    }
    return new Figures(
        median(runs.stream().mapToDouble(Figures::wallSeconds).toArray()),
        median(runs.stream().mapToDouble(Figures::cpuSeconds).toArray()),
        runs.stream().mapToLong(Figures::peakRssMiB).max().orElse(0));
  }

  /** One run under GNU time, which reports wall and CPU seconds and the peak resident size. */
  private Figures run(List<String> launcher, String[] command) throws Exception {
    Path report = dir.resolve("time.txt");
    List<String> line = new ArrayList<>();
    boolean timed = Files.isExecutable(TIME);
    if (timed) {
      line.addAll(List.of(TIME.toString(), "-o", report.toString(), "-f", "%e %U %S %M"));
    }
    line.addAll(launcher);
    line.addAll(Arrays.asList(command));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(line)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          String.join(" ", line) + " failed: " + Files.readString(dir.resolve("stderr.txt")));
    }
    double wall = (System.nanoTime() - start) / 1e9;
    if (!timed) {
      return new Figures(wall, 0, 0);
    }
    String[] figures = Files.readString(report).strip().split("\\s+");
    return new Figures(
        Double.parseDouble(figures[0]),
        Double.parseDouble(figures[1]) + Double.parseDouble(figures[2]),
        Long.parseLong(figures[3]) / 1024);
  }

  /** Runs a Paperboy command and returns what it printed on stdout. */
  private String paperboy(List<String> launcher, String... command) throws Exception {
    List<String> line = new ArrayList<>(launcher);
    line.addAll(Arrays.asList(command));
    Process process =
        new ProcessBuilder(line).redirectError(dir.resolve("stderr.txt").toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          String.join(" ", line) + " failed: " + Files.readString(dir.resolve("stderr.txt")));
    }
    return out;
  }

  private static String format(Figures figures) {
    return figures.peakRssMiB() == 0
        ? String.format(Locale.ROOT, "%.2f s wall", figures.wallSeconds())
        : String.format(
            Locale.ROOT,
            "%.2f s, %.2f s CPU, %3d MiB",
            figures.wallSeconds(),
            figures.cpuSeconds(),
            figures.peakRssMiB());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}

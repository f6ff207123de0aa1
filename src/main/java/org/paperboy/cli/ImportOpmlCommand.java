package org.paperboy.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.InvalidConfigException;
import org.paperboy.config.PaperboyConfig;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperboy import-opml}: a feed reader's subscriptions as Paperboy feeds. */
@Command(
    name = "import-opml",
    mixinStandardHelpOptions = true,
    header = "Turns a feed reader's OPML export into feed blocks for an account.",
    description = {
      "The blocks are written to a new config file and checked together with --config.",
      "Include the new file from your config to use it."
    })
final class ImportOpmlCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Parameters(paramLabel = "FILE", description = "The OPML file.")
  Path opml;

  @Option(
      names = "--account",
      required = true,
      paramLabel = "ID",
      description = "The account that posts the feeds.")
  String account;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The config file to write; it must not exist.")
  Path out;

  private final ConfigLoader loader;
  private final PrintStream stdout;
  private final PrintStream err;
  private final boolean terminal;

  ImportOpmlCommand(ConfigLoader loader, PrintStream stdout, PrintStream err, boolean terminal) {
    this.loader = loader;
    this.stdout = stdout;
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    PaperboyConfig valid = config.load(loader, err).orElse(null);
    if (valid == null) {
      return ExitCodes.USAGE_OR_CONFIG;
    }
    if (!valid.accounts().containsKey(account)) {
      err.println(
          "paperboy: no account "
              + account
              + " in "
              + config.file
              + "; accounts: "
              + valid.accounts().keySet());
      return ExitCodes.USAGE_OR_CONFIG;
    }
    if (Files.exists(out)) {
      err.println("paperboy: " + out + " exists; choose a new file for the imported feeds");
      return ExitCodes.USAGE_OR_CONFIG;
    }
    List<String[]> outlines;
    try {
      outlines = outlines(opml);
    } catch (IOException | SAXException | ParserConfigurationException e) {
      err.println("paperboy: " + opml + " is not a readable OPML file: " + e.getMessage());
      return ExitCodes.USAGE_OR_CONFIG;
    }
    Set<String> ids = new HashSet<>(valid.feeds().keySet());
    StringBuilder text = new StringBuilder();
    text.append("# Feeds imported from ")
        .append(opml.getFileName())
        .append(" for account ")
        .append(account)
        .append(".\n");
    text.append("# Include this file from ")
        .append(config.file.getFileName())
        .append(" to poll them.\n");
    Progress progress = new Progress(err, terminal, "importing", outlines.size());
    int done = 0;
    for (String[] outline : outlines) {
      String id = uniqueId(outline[0], outline[1], ids);
      text.append("\n# ").append(outline[0].replace("\n", " ")).append('\n');
      text.append("paperboy.feeds.").append(id).append(" {\n");
      text.append("  url = \"").append(outline[1].replace("\"", "%22")).append("\"\n");
      text.append("  account = ").append(account).append('\n');
      text.append("}\n");
      progress.done(++done);
    }
    Files.writeString(out, text);
    Path check = Files.createTempFile("paperboy-import", ".conf");
    try {
      Files.writeString(
          check,
          "include file(\""
              + config.file.toAbsolutePath()
              + "\")\ninclude file(\""
              + out.toAbsolutePath()
              + "\")\n");
      loader.load(check);
    } catch (InvalidConfigException e) {
      e.problems().forEach(err::println);
      err.println(
          "paperboy: "
              + out
              + " was written, but does not check out with "
              + config.file
              + "; fix it or delete it");
      return ExitCodes.USAGE_OR_CONFIG;
    } finally {
      Files.deleteIfExists(check);
    }
    stdout.println(
        out
            + ": "
            + outlines.size()
            + " feeds for account "
            + account
            + "; add  include \""
            + out.getFileName()
            + "\"  to "
            + config.file);
    return ExitCodes.OK;
  }

  /** Each outline with a feed URL, as {title, url}, in document order. */
  private static List<String[]> outlines(Path file)
      throws IOException, SAXException, ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // OPML never needs a DOCTYPE; refusing it blocks external entities (XXE).
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    NodeList nodes = builder.parse(file.toFile()).getElementsByTagName("outline");
    List<String[]> outlines = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element outline = (Element) nodes.item(i);
      String url = outline.getAttribute("xmlUrl").strip();
      if (!url.isEmpty()) {
        String title =
            outline.getAttribute("title").isBlank()
                ? outline.getAttribute("text")
                : outline.getAttribute("title");
        outlines.add(new String[] {title.isBlank() ? url : title.strip(), url});
      }
    }
    return outlines;
  }

  /** An id from the title (else the host), lower case, unique among {@code taken}. */
  private static String uniqueId(String title, String url, Set<String> taken) {
    String base =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.isEmpty()) {
      base =
          url.toLowerCase(Locale.ROOT)
              .replaceAll("^https?://", "")
              .replaceAll("[^a-z0-9]+", "-")
              .replaceAll("^-+|-+$", "");
    }
    if (base.length() > 40) {
      base = base.substring(0, 40).replaceAll("-+$", "");
    }
    if (base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0))) {
      base = "feed";
    }
    String id = base;
    for (int n = 2; taken.contains(id); n++) {
      id = base + "-" + n;
    }
    taken.add(id);
    return id;
  }
}

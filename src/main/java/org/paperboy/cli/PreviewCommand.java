package org.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.model.Paper;
import org.paperboy.model.Post;
import org.paperboy.pipeline.FeedPreview;
import org.paperboy.pipeline.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperboy preview}: exactly what would be posted, recording nothing. */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    header = "Prints exactly what would be posted now, and records nothing.",
    description = {
      "Fetches the feeds as once would. --explain also lists each entry that would not be",
      "posted, and why."
    })
final class PreviewCommand implements Callable<Integer> {

  /** Jackson, loaded only when a preview prints JSON: every other command starts without it. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  @Mixin ConfigOption config;

  @Option(names = "--feed", paramLabel = "ID", description = "Only this feed (repeatable).")
  List<String> feedIds = new ArrayList<>();

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = {
        "Preview this feed URL with the settings of --feed (or of the first feed),",
        "judging every entry as a later poll would: for trying a new or moved feed."
      })
  URI url;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Option(names = "--explain", description = "Also list entries that would not be posted, and why.")
  boolean explain;

  private final ConfigLoader loader;
  private final EngineFactory engines;
  private final PrintStream out;
  private final PrintStream err;

  private final boolean terminal;

  PreviewCommand(
      ConfigLoader loader,
      EngineFactory engines,
      PrintStream out,
      PrintStream err,
      boolean terminal) {
    this.loader = loader;
    this.engines = engines;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    PaperboyConfig valid = config.load(loader, err).orElse(null);
    if (valid == null) {
      return ExitCodes.USAGE_OR_CONFIG;
    }
    List<FeedConfig> feeds = new ArrayList<>();
    for (String id : feedIds) {
      FeedConfig feed = valid.feeds().get(id);
      if (feed == null) {
        err.println(
            "paperboy: no feed "
                + id
                + " in "
                + config.file
                + "; feeds: "
                + valid.feeds().keySet());
        return ExitCodes.USAGE_OR_CONFIG;
      }
      feeds.add(feed);
    }
    if (url != null) {
      FeedConfig model =
          feeds.isEmpty() ? valid.feeds().values().stream().findFirst().orElse(null) : feeds.get(0);
      if (model == null) {
        err.println(
            "paperboy: --url needs a feed in " + config.file + " to take its settings from");
        return ExitCodes.USAGE_OR_CONFIG;
      }
      feeds = List.of(model.withUrl("url", url));
    } else if (feeds.isEmpty()) {
      feeds.addAll(valid.feeds().values());
    }
    try (Engine engine = engines.open(valid)) {
      Progress progress = new Progress(err, terminal, "previewing feeds", feeds.size());
      List<FeedPreview> previews = engine.preview(feeds, url != null, progress::done);
      boolean failed = false;
      for (FeedPreview preview : previews) {
        failed |= preview.error() != null;
        print(valid, preview);
      }
      return failed ? ExitCodes.RUNTIME_FAILURE : ExitCodes.OK;
    } catch (IllegalStateException e) {
      err.println("paperboy: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILURE;
    }
  }

  private void print(PaperboyConfig valid, FeedPreview preview) throws Exception {
    if (preview.error() != null) {
      err.println("paperboy: feed " + preview.feedId() + ": " + preview.error());
      return;
    }
    if (!json) {
      out.println("══ feed " + preview.feedId() + " ══");
    }
    boolean several =
        valid.feeds().containsKey(preview.feedId())
            && valid.feeds().get(preview.feedId()).accountIds().size() > 1;
    for (Verdict verdict : preview.verdicts()) {
      boolean posted = verdict.outcome() == Verdict.Outcome.POST;
      if (!posted && !explain) {
        continue;
      }
      String platform = valid.accounts().get(verdict.accountId()).platform().configName();
      String account = several ? ", " + verdict.accountId() + " on " + platform : "";
      if (json) {
        out.println(Json.MAPPER.writeValueAsString(asJson(preview.feedId(), platform, verdict)));
      } else if (posted) {
        for (Post post : verdict.posts()) {
          out.println(post.text());
          out.println(
              "   ("
                  + post.length()
                  + "/"
                  + post.limit()
                  + (verdict.posts().indexOf(post) > 0 ? ", reply" : "")
                  + account
                  + ")");
          if (verdict.posts().indexOf(post) == 0 && verdict.picture() != null) {
            out.println(
                "   [picture "
                    + verdict.picture().source()
                    + " ("
                    + verdict.picture().mimeType()
                    + ", "
                    + verdict.picture().width()
                    + "x"
                    + verdict.picture().height()
                    + "); alt: "
                    + verdict.picture().alt()
                    + "]");
          }
        }
        out.println();
      } else {
        out.println(
            "✗ "
                + verdict.paper().guid()
                + (several ? " (" + verdict.accountId() + ")" : "")
                + ": "
                + verdict.reason());
      }
    }
  }

  private static Map<String, Object> asJson(String feedId, String platform, Verdict verdict) {
    Paper paper = verdict.paper();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("feed", feedId);
    line.put("account", verdict.accountId());
    line.put("platform", platform);
    line.put("guid", paper.guid());
    line.put("doi", paper.doi());
    line.put("title", paper.title());
    line.put("link", paper.link());
    boolean posted = verdict.outcome() == Verdict.Outcome.POST;
    line.put("post", posted);
    line.put("text", posted ? verdict.posts().get(0).text() : null);
    line.put("length", posted ? verdict.posts().get(0).length() : null);
    line.put("limit", posted ? verdict.posts().get(0).limit() : null);
    if (posted && verdict.posts().size() > 1) {
      line.put("reply", verdict.posts().get(1).text());
      line.put("reply_length", verdict.posts().get(1).length());
    }
    if (posted) {
      line.put("image", verdict.picture() == null ? null : verdict.picture().source());
      line.put("alt", verdict.picture() == null ? null : verdict.picture().alt());
    } else {
      line.put("reason", verdict.reason());
    }
    return line;
  }
}

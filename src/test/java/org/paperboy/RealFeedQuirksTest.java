package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Engine;
import org.paperboy.pipeline.PollReport;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.Fixtures;
import org.paperboy.testing.MutableClock;
import org.paperboy.testing.TestPaperboy;

/**
 * The quirks of real feeds and pages that broke posts, through the whole service: each feed served
 * on 127.0.0.1, polled once, and its posts read as the console prints them.
 */
class RealFeedQuirksTest {

  private static final Pattern POST =
      Pattern.compile("── demo · from \\S+ ──\\n(.+?)\\n\\n", Pattern.DOTALL);

  @TempDir Path dir;
  private FeedServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    server = new FeedServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Polls the feed {@code id} at {@code url} once, with {@code settings}; its posts in order. */
  private List<String> postsOf(String id, URI url, String settings) throws Exception {
    out.reset();
    Path file = dir.resolve("quirks.conf");
    Files.writeString(
        file,
        """
        paperboy.database.url = "jdbc:h2:mem:%s;DB_CLOSE_DELAY=-1"
        paperboy.accounts.demo { platform = console, min-spacing = 0s, max-per-day = 500 }
        paperboy.feeds.%s { url = "%s", account = demo, %s }
        """
            .formatted(UUID.randomUUID(), id, url, settings));
    try (Engine engine =
        TestPaperboy.open(
            TestPaperboy.loader(Map.of()).load(file),
            new MutableClock(Instant.parse("2026-11-21T09:00:00Z")),
            out)) {
      List<PollReport> polls = engine.once().polls();
      assertThat(polls).allSatisfy(p -> assertThat(p.failed()).as(p.error()).isFalse());
    }
    Matcher posts = POST.matcher(out.toString(StandardCharsets.UTF_8));
    return posts.results().map(m -> m.group(1)).toList();
  }

  @Test
  void aDoiTakenFromAnIjsemLinkWithTrackRssLeadsToTheArticle() throws Exception {
    URI ijsem = server.serveFixture("/ijsem.rss", "microbiologysociety_ijsem_track-rss.xml");

    List<String> posts = postsOf("ijsem", ijsem, "backfill = 10");

    assertThat(posts)
        .hasSize(2)
        .allSatisfy(post -> assertThat(post).doesNotContainIgnoringCase("%3F").doesNotContain("?"));
    assertThat(String.join("\n", posts))
        .contains("https://doi.org/10.1099/ijsem.0.005176")
        .contains("https://doi.org/10.1099/ijsem.0.005170");
  }

  @Test
  void everyOneOfTwentyCnkiArticlesIsPostedNoneMergedAwayAsTheSameLink() throws Exception {
    URI cnki = server.serveFixture("/cnki.rss", "cnki_plant-diversity-resources_chinese.xml");
    List<String> posts;
    String logs;
    try (CapturedLogs captured = CapturedLogs.start()) {
      posts = postsOf("cnki", cnki, "backfill = 20, max-age = null");
      logs = captured.text();
    }

    assertThat(posts).hasSize(20).doesNotHaveDuplicates();
    assertThat(logs).doesNotContain("will not be posted");
  }

  @Test
  void aFeedWhoseEntriesCollapseIntoOnePaperGetsAWarningLineNamingIt() throws Exception {
    String sameLink =
        """
        <rss version="2.0"><channel><title>Current issue</title>
          <item><title>A trial of early care</title><link>https://journals.example.org/current</link><guid>a</guid></item>
          <item><title>A cohort of late care</title><link>https://journals.example.org/current</link><guid>b</guid></item>
        </channel></rss>
        """;
    server.serve("/issue.rss", sameLink.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
    String logs;
    try (CapturedLogs captured = CapturedLogs.start()) {
      postsOf("issue", server.url("/issue.rss"), "backfill = 5");
      logs = captured.text();
    }

    assertThat(logs)
        .contains(
            "feed issue: "
                + server.url("/issue.rss")
                + ": 1 of 2 entries will not be posted: each has the same DOI or link as another"
                + " entry with a different guid (link:https://journals.example.org/current for"
                + " guids a, b)");
  }

  @Test
  void aWileyTableOfContentsEntryIsPostedWithItsPagesAbstractNotItsCitation() throws Exception {
    // The real TAXON feed, cut to its table-of-contents entry whose description is its citation,
    // linking to an article page on this loopback server.
    String taxon = Fixtures.feedText("wiley_taxon.xml");
    Matcher toc =
        Pattern.compile("(?s)<item>(?:(?!</item>).)*tax\\.12636.*?</item>").matcher(taxon);
    assertThat(toc.find()).isTrue();
    String feed =
        taxon.substring(0, taxon.indexOf("<item>"))
            + toc.group()
                .replace(
                    "https://onlinelibrary.wiley.com/doi/10.1002/tax.12636?af=R",
                    server.url("/doi/10.1002/tax.12636").toString())
            + "</channel></rss>";
    server.serve("/taxon.rss", feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
    server.serve(
        "/doi/10.1002/tax.12636",
        Fixtures.pageBytes("html_atypon-style_dc-description-labelled.html"),
        "text/html");

    List<String> posts =
        postsOf("taxon", server.url("/taxon.rss"), "backfill = 5, enrich = true, max-age = null");

    assertThat(posts)
        .containsExactly(
            "Guidelines for the preliminary evaluation of general nomenclature manuscripts"
                + " submitted to Taxon\n"
                + "Air pollution was associated with stroke and AF onset, even at very low"
                + " concentrations. https://doi.org/10.1002/tax.12636");
  }

  @Test
  void aTitleIsSetApartFromTheSummaryThatFollowsIt() throws Exception {
    // PLOS's titles (which end without a full stop) and abstracts, through the default template
    // and one that joins them with a space: a reader sees where each title ends.
    URI plos =
        server.serveFixture("/plos.xml", "med_plos_ploscompbiol_atom_2025-04_reserialized.xml");

    List<String> posts = postsOf("plos", plos, "backfill = 3, max-age = null");
    List<String> joined =
        postsOf(
            "joined",
            plos,
            "backfill = 3, max-age = null, template = \"{title} {summary} {link}\"");

    assertThat(posts).hasSize(3);
    assertThat(joined).hasSize(3);
    for (int i = 0; i < posts.size(); i++) {
      String title = posts.get(i).substring(0, posts.get(i).indexOf('\n'));
      assertThat(title).isNotBlank();
      assertThat(joined.get(i))
          .as("the same title, ended with punctuation before the summary")
          .startsWith(title.matches(".*[.?!:]$") ? title + " " : title + ". ");
    }
  }

  @Test
  void aJamaPageDescriptionWithAGluedLabelAndACutEndIsPostedAsItsWholeSentences() throws Exception {
    String feed =
        """
        <rss version="2.0"><channel><title>Arquivos de Gastroenterologia</title>
          <item><title>Hfe mutations and iron overload in patients with alcoholic liver disease</title>
            <link>%s</link><guid>s0004-28032013000100008</guid></item>
        </channel></rss>
        """
            .formatted(server.url("/article/s0004-28032013000100008"));
    server.serve("/arq.rss", feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
    server.serve(
        "/article/s0004-28032013000100008",
        Fixtures.pageBytes("html_jama-style_description-glued-labels-cut.html"),
        "text/html");

    List<String> posts =
        postsOf("arq", server.url("/arq.rss"), "backfill = 5, enrich = true, max-age = null");

    assertThat(posts).hasSize(1);
    assertThat(posts.get(0))
        .startsWith(
            "Hfe mutations and iron overload in patients with alcoholic liver disease\n"
                + "Alcoholic liver disease (ALD) is generally associated with iron overload")
        .doesNotContain("Context")
        .doesNotContain("(HFE)…")
        .endsWith("https://doi.org/10.1590/s0004-28032013000100008");
  }

  @Test
  void aWindows1252FeedWithoutADeclarationIsPostedWithItsAccentsIntact() throws Exception {
    URI feed =
        server.serveFixture(
            "/tidskrift.xml", "ojs_entomologisk-tidskrift_atom_windows-1252-undeclared.xml");

    List<String> posts = postsOf("tidskrift", feed, "backfill = 100, max-age = null");

    assertThat(posts).isNotEmpty().noneMatch(post -> post.contains("\uFFFD"));
    assertThat(String.join("\n", posts))
        .contains("Trettioandra Svenska Entomologmötet Bohuslän, Orust/Tjörn 10–12 juni 2022");
  }
}

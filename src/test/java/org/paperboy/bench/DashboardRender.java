package org.paperboy.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.paperboy.model.PaperIdentity;
import org.paperboy.model.PaperKey;
import org.paperboy.store.Database;
import org.paperboy.store.JdbcPaperStore;
import org.paperboy.store.NewPaper;
import org.paperboy.testing.DashboardService;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.WebClient;

/**
 * How long the dashboard's queue page takes for an X account with 1,000 queued posts: the service
 * runs as {@code run} runs it, on the embedded database, and an editor's page is asked for over
 * loopback, from the request to the last byte of its HTML. Each post is measured by X's count and
 * given its due time by pacing, as on every request.
 */
final class DashboardRender {

  /**
   * The figures.
   *
   * @param posts the posts the page lists
   * @param bytes the page's size
   * @param renders how many were timed, after as many again to warm up
   * @param medianMillis the median
   * @param p90Millis the 90th percentile
   */
  record Figures(int posts, int bytes, int renders, double medianMillis, double p90Millis) {}

  private static final int POSTS = 1000;
  private static final int RENDERS = 101;

  private DashboardRender() {}

  static Figures run(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path db = dir.toAbsolutePath().resolve("db");
    queue(db);
    try (FakeXApi x = TestConfig.labX();
        DashboardService service =
            new DashboardService(
                dir.resolve("paperboy.conf"),
                TestConfig.h2(db)
                    // Quiet all day: the 1,000 posts stay queued while the page is timed.
                    + TestConfig.labAccount(x, "quiet-hours = \"00:00-23:59\"")
                    + "paperboy.feeds {}\n",
                "",
                Clock.systemUTC())) {
      WebClient editor = new WebClient(service);
      editor.logIn("anna", DashboardService.ANNA_PASSWORD);
      HttpResponse<String> page = editor.get("/queue");
      int listed = page.body().split("<article class=\"post queued\"", -1).length - 1;
      if (page.statusCode() != 200 || listed != POSTS) {
        throw new IllegalStateException(
            "the queue page answered " + page.statusCode() + " listing " + listed + " posts");
      }
      for (int i = 0; i < RENDERS; i++) {
        editor.get("/queue");
      }
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < RENDERS; i++) {
        long start = System.nanoTime();
        editor.get("/queue");
        millis.add((System.nanoTime() - start) / 1e6);
      }
      Collections.sort(millis);
      return new Figures(
          POSTS,
          page.body().getBytes(StandardCharsets.UTF_8).length,
          RENDERS,
          millis.get(RENDERS / 2),
          millis.get(RENDERS * 9 / 10));
    }
  }

  /** Queues {@link #POSTS} posts of the lab account, each about as long as X allows. */
  private static void queue(Path db) {
    Database database = Database.open("jdbc:h2:file:" + db, "", "");
    try {
      List<NewPaper> papers = new ArrayList<>();
      Instant published = Instant.parse("2026-11-01T00:00:00Z");
      for (int i = 1; i <= POSTS; i++) {
        String doi = "10.5555/bench." + i;
        String title = "Paper " + i + ": muscle mass, gait speed and falls in older adults";
        papers.add(
            new NewPaper(
                new PaperKey("lab", PaperIdentity.parse("doi:" + doi)),
                "bench",
                "bench-" + i,
                doi,
                "https://doi.org/" + doi,
                title,
                published.plusSeconds(60L * i),
                title
                    + "\nIn 2,000 community-dwelling women, lower muscle mass predicted slower gait"
                    + " and more falls over five years. https://doi.org/"
                    + doi
                    + " #MedEd #FOAMed",
                null,
                false,
                null,
                null,
                null,
                null,
                null));
      }
      new JdbcPaperStore(database.dataSource()).recordAll(papers, Instant.now());
    } finally {
      database.close();
    }
  }
}

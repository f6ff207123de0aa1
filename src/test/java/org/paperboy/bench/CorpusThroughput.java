package org.paperboy.bench;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperboy.compose.FeedStyle;
import org.paperboy.compose.PostComposer;
import org.paperboy.compose.Template;
import org.paperboy.model.Paper;
import org.paperboy.model.Post;
import org.paperboy.parse.FeedParseException;
import org.paperboy.parse.FeedParser;
import org.paperboy.platform.x.XText;
import org.paperboy.summarise.Summariser;
import org.paperboy.testing.Fixtures;

/**
 * Parse, summarise and compose over every fixture feed, in entries and MB per second, beside a bare
 * XML parse of the same bytes and Python's feedparser parsing them in the same run.
 */
final class CorpusThroughput {

  /** Entries and bytes handled per second by one contender. */
  record Rate(String who, double entriesPerSecond, double megabytesPerSecond) {}

  /**
   * What the run measured, and how many posts twitter-text counts exactly as Paperboy did. {@code
   * feedparser} is null when Debian's python3-feedparser is not installed.
   */
  record Figures(
      int files,
      long bytes,
      int entries,
      Rate paperboy,
      Rate paperboyOnAllCores,
      Rate bareXml,
      Rate feedparser,
      int exact) {}

  // The JIT compiler works on the parsers and patterns for ten seconds or so, on one core of two:
  // after a three-second warm-up, one thread read 1,900 entries a second; after twelve, 3,100.
  // A service runs for days.
  private static final Duration WARM_UP = Duration.ofSeconds(12);
  // Other work on a shared machine slows a run by a third at times: each contender's rate is the
  // best of a few runs, as Python's timeit takes it.
  private static final Duration RUN = Duration.ofSeconds(5);
  private static final int RUNS = 3;
  private static final XMLInputFactory BARE = XMLInputFactory.newFactory();

  static {
    BARE.setProperty(XMLInputFactory.SUPPORT_DTD, false);
  }

  private final FeedParser parser = new FeedParser();
  private final Summariser summariser = new Summariser();
  private final FeedStyle style =
      FeedStyle.of(Template.parse("{title} {summary} {link} {hashtags}"), List.of("#MedEd"));
  private final LocalDate today = LocalDate.of(2026, 11, 21);
  private final List<byte[]> corpus = new ArrayList<>();
  // The feeds a bare XML parser reads to the end: not the fixture in windows-1252 that declares
  // no charset, whose bytes no XML parser takes as UTF-8 (Paperboy reads it as a browser does).
  private final List<byte[]> wellFormed = new ArrayList<>();
  private long bytes;

  CorpusThroughput() {
    for (String name : Fixtures.allFeeds()) {
      byte[] feed = Fixtures.feedBytes(name);
      corpus.add(feed);
      bytes += feed.length;
    }
    // The JDK's parser prints each encoding error on standard error, whatever reporter is set;
    // nothing else runs yet while it is muted.
    PrintStream err = System.err;
    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    try {
      for (byte[] feed : corpus) {
        if (bareParse(feed) >= 0) {
          wellFormed.add(feed);
        }
      }
    } finally {
      System.setErr(err);
    }
  }

  Figures run() throws Exception {
    List<Post> posts = paperboyPass();
    int entries = posts.size();
    Rate paperboy = rate("paperboy, 1 thread", entries, () -> paperboyPass().size(), 1);
    int cores = Runtime.getRuntime().availableProcessors();
    Rate allCores =
        rate("paperboy, " + cores + " threads", entries, () -> paperboyPass().size(), cores);
    Rate bareXml =
        rate(
            "bare XML parse (StAX), 1 thread",
            papersIn(wellFormed),
            wellFormed.stream().mapToLong(feed -> feed.length).sum(),
            this::bareXmlPass,
            1);
    Rate feedparser = feedparser();
    int exact = 0;
    for (Post post : posts) {
      TwitterTextParseResults counted = TwitterTextParser.parseTweet(post.text());
      if (counted.isValid && counted.weightedLength == post.length()) {
        exact++;
      }
    }
    return new Figures(
        corpus.size(), bytes, entries, paperboy, allCores, bareXml, feedparser, exact);
  }

  /** How many papers Paperboy finds in {@code feeds}. */
  private int papersIn(List<byte[]> feeds) throws FeedParseException {
    int papers = 0;
    for (byte[] feed : feeds) {
      papers +=
          parser.parse("bench", feed, null, URI.create("https://bench.example/")).papers().size();
    }
    return papers;
  }

  /**
   * One pass of Paperboy's own stages: each entry's post. The pass has a composer of its own: its
   * counter keeps the URLs it has measured, and a service meets each paper's link only once.
   */
  private List<Post> paperboyPass() {
    PostComposer composer = new PostComposer(new XText());
    List<Post> posts = new ArrayList<>();
    for (byte[] feed : corpus) {
      List<Paper> papers;
      try {
        papers = parser.parse("bench", feed, null, URI.create("https://bench.example/")).papers();
      } catch (FeedParseException e) {
        continue;
      }
      for (Paper paper : papers) {
        posts.add(composer.compose(style, paper, summariser.summarise(paper), today));
      }
    }
    return posts;
  }

  /**
   * One pass of a bare XML parse over the well-formed feeds: every event read, nothing kept. Counts
   * elements.
   */
  private int bareXmlPass() {
    int elements = 0;
    for (byte[] feed : wellFormed) {
      elements += bareParse(feed);
    }
    return elements;
  }

  /** The elements of {@code feed} by a bare XML parse, or -1 when it is not well-formed XML. */
  private static int bareParse(byte[] feed) {
    int elements = 0;
    try {
      XMLStreamReader reader = BARE.createXMLStreamReader(new ByteArrayInputStream(feed));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamReader.START_ELEMENT) {
          elements++;
        }
      }
      reader.close();
      return elements;
    } catch (XMLStreamException e) {
      return -1;
    }
  }

  /**
   * Passes over the corpus on {@code threads} threads: a warm-up, then the best of {@link #RUNS}
   * runs. Entries are counted as Paperboy finds them, so that every rate is of the same entries.
   */
  private Rate rate(String who, int entriesPerPass, IntSupplier pass, int threads)
      throws InterruptedException, ExecutionException {
    return rate(who, entriesPerPass, bytes, pass, threads);
  }

  /** As {@link #rate(String, int, IntSupplier, int)}, for a pass over {@code bytesPerPass}. */
  private static Rate rate(
      String who, int entriesPerPass, long bytesPerPass, IntSupplier pass, int threads)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      passes(pool, threads, pass, WARM_UP);
      double best = 0;
      for (int run = 0; run < RUNS; run++) {
        best = Math.max(best, passes(pool, threads, pass, RUN));
      }
      return new Rate(who, best * entriesPerPass, best * bytesPerPass / 1e6);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Passes a second, on {@code threads} threads passing over the corpus for {@code length}. Each
   * thread's last pass runs past the end; it is counted, and so is its time.
   */
  private static double passes(ExecutorService pool, int threads, IntSupplier pass, Duration length)
      throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    long end = start + length.toNanos();
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                int passes = 0;
                while (System.nanoTime() < end) {
                  pass.getAsInt();
                  passes++;
                }
                return passes;
              }));
    }
    int passes = 0;
    for (Future<Integer> worker : workers) {
      passes += worker.get();
    }
    return passes / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * Python's feedparser over the same bytes, timed by itself as Paperboy is; its own count of
   * entries.
   */
  private Rate feedparser() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("paperboy-bench");
    String python =
        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    List<String> command =
        new ArrayList<>(
            List.of(
                python,
                "-c",
                FEEDPARSER,
                Long.toString(WARM_UP.toSeconds()),
                Long.toString(RUN.toSeconds()),
                Integer.toString(RUNS)));
    for (int i = 0; i < corpus.size(); i++) {
      Path file = dir.resolve(i + ".xml");
      Files.write(file, corpus.get(i));
      command.add(file.toString());
    }
    Process feedparser = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(feedparser.getInputStream().readAllBytes()).trim();
    if (feedparser.waitFor() != 0 || !out.matches("\\d+ \\d+ [0-9.]+")) {
      return null;
    }
    String[] figures = out.split(" ");
    double seconds = Double.parseDouble(figures[2]);
    return new Rate(
        "feedparser (Python)",
        Long.parseLong(figures[0]) / seconds,
        Long.parseLong(figures[1]) / 1e6 / seconds);
  }

  private static final String FEEDPARSER =
      """
      import sys, time
      import feedparser
      warm, length, runs = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
      corpus = [open(p, "rb").read() for p in sys.argv[4:]]
      def one_pass():
          return sum(len(feedparser.parse(b).entries) for b in corpus)
      def run(seconds):
          entries = nbytes = 0
          start = time.perf_counter()
          while True:
              entries += one_pass()
              nbytes += sum(len(b) for b in corpus)
              elapsed = time.perf_counter() - start
              if elapsed >= seconds:
                  return entries, nbytes, elapsed
      run(warm)
      best = max((run(length) for _ in range(runs)), key=lambda r: r[0] / r[2])
      print(*best)
      """;
}

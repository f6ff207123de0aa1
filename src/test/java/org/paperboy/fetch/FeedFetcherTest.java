package org.paperboy.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.Fixtures;

class FeedFetcherTest {

  private static final FetchLimits QUICK =
      new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(1), 1024 * 1024);

  private FeedServer server;
  private final FeedFetcher fetcher = new FeedFetcher(QUICK, "Paperboy/test (+tests)");

  @BeforeEach
  void start() throws Exception {
    server = new FeedServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void fetchesGzippedBodyAndKeepsValidators() {
    byte[] feed = Fixtures.feedBytes("pubmed_search-new-species.xml");
    server.serve("/pubmed.xml", feed, "application/rss+xml; charset=utf-8");

    FetchResult result = fetcher.fetch(server.url("/pubmed.xml"), Validators.NONE);

    FetchResult.Fetched fetched = (FetchResult.Fetched) result;
    assertThat(fetched.body()).isEqualTo(feed);
    assertThat(fetched.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
    assertThat(fetched.validators().etag()).isNotNull();
    assertThat(fetched.validators().lastModified()).isEqualTo("Sat, 21 Nov 2026 10:00:00 GMT");
    FeedServer.Request request = server.requests("/pubmed.xml").get(0);
    assertThat(request.header("User-Agent")).isEqualTo("Paperboy/test (+tests)");
    assertThat(request.header("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void sendsValidatorsBackAndTakes304AsNotModified() {
    server.serve("/feed.xml", Fixtures.feedBytes("mdpi_fluids.xml"), "application/rdf+xml");
    FetchResult.Fetched first =
        (FetchResult.Fetched) fetcher.fetch(server.url("/feed.xml"), Validators.NONE);

    FetchResult second = fetcher.fetch(server.url("/feed.xml"), first.validators());

    assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    FeedServer.Request conditional = server.requests("/feed.xml").get(1);
    assertThat(conditional.header("If-None-Match")).isEqualTo(first.validators().etag());
    assertThat(conditional.header("If-Modified-Since")).isEqualTo("Sat, 21 Nov 2026 10:00:00 GMT");
  }

  @Test
  void readsHowLongTheAnswerStaysFreshAndHowLongToWaitAfterAnError() {
    server.route(
        "/fresh.xml",
        exchange -> {
          exchange.getResponseHeaders().add("Cache-Control", "public, max-age=600");
          byte[] body = Fixtures.feedBytes("mdpi_fluids.xml");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
        });
    server.route(
        "/busy.xml",
        exchange -> {
          exchange.getResponseHeaders().add("Retry-After", "120");
          exchange.sendResponseHeaders(429, -1);
        });

    assertThat(fetcher.fetch(server.url("/fresh.xml"), Validators.NONE).freshFor())
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(
            ((FetchResult.Failed) fetcher.fetch(server.url("/busy.xml"), Validators.NONE))
                .retryAfter())
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void asksOneHostAtMostTwiceAtOnce() throws Exception {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    byte[] body = Fixtures.feedBytes("mdpi_fluids.xml");
    server.route(
        "/shared.xml",
        exchange -> {
          most.accumulateAndGet(now.incrementAndGet(), Math::max);
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          now.decrementAndGet();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
        });
    FeedFetcher patient =
        new FeedFetcher(
            new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000), "t");

    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<FetchResult>> results = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      results.add(pool.submit(() -> patient.fetch(server.url("/shared.xml"), Validators.NONE)));
    }
    for (Future<FetchResult> result : results) {
      assertThat(result.get()).isInstanceOf(FetchResult.Fetched.class);
    }
    pool.shutdown();

    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void followsRedirects() {
    server.serve("/new.xml", Fixtures.feedBytes("mdpi_fluids.xml"), "application/xml");
    server.route(
        "/old.xml",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/new.xml");
          exchange.sendResponseHeaders(301, -1);
        });

    FetchResult result = fetcher.fetch(server.url("/old.xml"), Validators.NONE);

    assertThat(((FetchResult.Fetched) result).url()).isEqualTo(server.url("/new.xml"));
  }

  @Test
  void anErrorStatusFailsNamingStatusAndUrl() {
    server.route("/gone.xml", exchange -> exchange.sendResponseHeaders(503, -1));

    FetchResult result = fetcher.fetch(server.url("/gone.xml"), Validators.NONE);

    assertThat(((FetchResult.Failed) result).reason())
        .isEqualTo("HTTP 503 from " + server.url("/gone.xml"));
  }

  @Test
  void aBodyOverTheCapFailsWithoutReadingItAll() {
    FeedFetcher small =
        new FeedFetcher(new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1000), "t");
    server.route(
        "/huge.xml",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            byte[] chunk = new byte[8192];
            for (int i = 0; i < 1000; i++) {
              out.write(chunk);
            }
          } catch (IOException closedByClient) {
            // the fetcher hung up once it had seen enough
          }
        });

    FetchResult result = small.fetch(server.url("/huge.xml"), Validators.NONE);

    assertThat(((FetchResult.Failed) result).reason()).contains("larger than 1000 bytes");
  }

  @Test
  void aSlowServerTimesOut() {
    server.route(
        "/slow.xml",
        exchange -> {
          try {
            Thread.sleep(5000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
        });

    FetchResult result = fetcher.fetch(server.url("/slow.xml"), Validators.NONE);

    assertThat(((FetchResult.Failed) result).reason()).contains("timed out").contains("/slow.xml");
  }

  @Test
  void aRefusedConnectionFailsNamingTheUrl() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port + "/feed.xml");

    FetchResult result = fetcher.fetch(url, Validators.NONE);

    assertThat(((FetchResult.Failed) result).reason()).contains("refused").contains(url.toString());
  }

  @Test
  void readsFilesAndTakesAnUnchangedFileAsNotModified(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("feed.xml");
    Files.writeString(file, "<rss/>", StandardCharsets.UTF_8);

    FetchResult.Fetched first = (FetchResult.Fetched) fetcher.fetch(file.toUri(), Validators.NONE);
    FetchResult second = fetcher.fetch(file.toUri(), first.validators());

    assertThat(first.body()).isEqualTo("<rss/>".getBytes(StandardCharsets.UTF_8));
    assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    assertThat(
            ((FetchResult.Failed)
                    fetcher.fetch(dir.resolve("missing.xml").toUri(), Validators.NONE))
                .reason())
        .startsWith("no such file: ");
  }
}

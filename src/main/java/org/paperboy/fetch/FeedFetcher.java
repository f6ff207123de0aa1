package org.paperboy.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Fetches feeds over HTTP(S), or from {@code file:} URIs, with conditional requests, gzip, timeouts
 * and a cap on the body's size. Every failure becomes a {@link FetchResult.Failed} naming the URL;
 * nothing is thrown. Thread-safe.
 */
public final class FeedFetcher {

  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
          + " application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

  // Many journals share one platform host (ScienceDirect, Wiley, PubMed): ask each politely.
  private static final int PER_HOST = 2;

  private final HttpClient client;
  private final FetchLimits limits;
  private final String userAgent;
  private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

  /**
   * @param limits timeouts and the body cap
   * @param userAgent the {@code User-Agent}, naming Paperboy and its version
   */
  public FeedFetcher(FetchLimits limits, String userAgent) {
    this.limits = limits;
    this.userAgent = userAgent;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(limits.connectTimeout())
            // NORMAL follows redirects but never from https down to http.
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * Fetches {@code url}, sending {@code validators} so an unchanged feed costs a 304.
   *
   * @return what came back; never {@code null}
   */
  public FetchResult fetch(URI url, Validators validators) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "file" -> fetchFile(url, validators);
      case "http", "https" -> fetchHttp(url, validators);
      default -> new FetchResult.Failed(url, "unsupported URL scheme: " + url);
    };
  }

  private FetchResult fetchHttp(URI url, Validators validators) {
    Semaphore host =
        hosts.computeIfAbsent(String.valueOf(url.getHost()), h -> new Semaphore(PER_HOST));
    try {
      if (!host.tryAcquire(
          limits.connectTimeout().plus(limits.readTimeout()).toMillis(), TimeUnit.MILLISECONDS)) {
        return new FetchResult.Failed(
            url, "gave up waiting for another request to " + url.getHost() + ": " + url);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FetchResult.Failed(url, "interrupted while fetching " + url);
    }
    try {
      return fetchHttpNow(url, validators);
    } finally {
      host.release();
    }
  }

  private FetchResult fetchHttpNow(URI url, Validators validators) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .GET()
            .timeout(limits.readTimeout())
            .header("User-Agent", userAgent)
            .header("Accept", ACCEPT)
            .header("Accept-Encoding", "gzip");
    // RFC 9110 §13.1: send both validators; a server uses If-None-Match when it can.
    if (validators.etag() != null) {
      request.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      request.header("If-Modified-Since", validators.lastModified());
    }
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request.build(), info -> new CappedBodySubscriber(limits.maxBodyBytes()));
    HttpResponse<byte[]> response;
    try {
      // The request timeout covers the headers only; this bounds the body too.
      response =
          pending.get(
              limits.connectTimeout().plus(limits.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return new FetchResult.Failed(
          url, "timed out after " + limits.readTimeout().toSeconds() + "s: " + url, null, true);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return new FetchResult.Failed(url, "interrupted while fetching " + url);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      boolean unanswered =
          cause instanceof HttpTimeoutException || cause instanceof ConnectException;
      return new FetchResult.Failed(url, describe(cause) + ": " + url, null, unanswered);
    }
    int status = response.statusCode();
    URI finalUrl = response.uri();
    Duration freshFor = CacheHeaders.maxAge(response.headers()).orElse(null);
    if (status == 304) {
      return new FetchResult.NotModified(finalUrl, freshFor);
    }
    if (status >= 300 && status <= 399) {
      // The client follows up to five redirects, then hands back the last one.
      return new FetchResult.Failed(url, "too many redirects (HTTP " + status + ") from " + url);
    }
    if (status < 200 || status > 299) {
      return new FetchResult.Failed(
          url,
          "HTTP " + status + " from " + finalUrl,
          CacheHeaders.retryAfter(response.headers(), Instant.now()).orElse(null),
          false);
    }
    byte[] body;
    try {
      body = decode(response.body(), response.headers().firstValue("Content-Encoding").orElse(""));
    } catch (IOException e) {
      return new FetchResult.Failed(
          url, "could not decompress the body (" + e.getMessage() + "): " + url);
    } catch (CappedBodySubscriber.TooLargeException e) {
      return new FetchResult.Failed(url, e.getMessage() + " once decompressed: " + url);
    }
    Validators next =
        new Validators(
            response.headers().firstValue("ETag").orElse(null),
            response.headers().firstValue("Last-Modified").orElse(null));
    return new FetchResult.Fetched(
        finalUrl, body, response.headers().firstValue("Content-Type").orElse(null), next, freshFor);
  }

  private byte[] decode(byte[] body, String encoding) throws IOException {
    if (!encoding.trim().equalsIgnoreCase("gzip")) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] decoded =
          in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBodyBytes() + 1));
      if (decoded.length > limits.maxBodyBytes()) {
        throw new CappedBodySubscriber.TooLargeException(limits.maxBodyBytes());
      }
      return decoded;
    }
  }

  private FetchResult fetchFile(URI url, Validators validators) {
    Path path;
    try {
      path = Path.of(url);
    } catch (IllegalArgumentException e) {
      return new FetchResult.Failed(url, "not a file path: " + url);
    }
    try {
      String modified =
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              Instant.ofEpochMilli(Files.getLastModifiedTime(path).toMillis())
                  .atOffset(ZoneOffset.UTC));
      if (modified.equals(validators.lastModified())) {
        return new FetchResult.NotModified(url, null);
      }
      long size = Files.size(path);
      if (size > limits.maxBodyBytes()) {
        return new FetchResult.Failed(
            url, "the body is larger than " + limits.maxBodyBytes() + " bytes: " + url);
      }
      return new FetchResult.Fetched(
          url, Files.readAllBytes(path), null, new Validators(null, modified), null);
    } catch (NoSuchFileException e) {
      return new FetchResult.Failed(url, "no such file: " + path);
    } catch (IOException e) {
      return new FetchResult.Failed(url, "could not read " + path + ": " + e.getMessage());
    }
  }

  private String describe(Throwable cause) {
    if (cause instanceof CappedBodySubscriber.TooLargeException) {
      return cause.getMessage();
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return "connection timed out";
    }
    if (cause instanceof HttpTimeoutException) {
      return "timed out after " + limits.readTimeout().toSeconds() + "s";
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    if (cause instanceof IOException
        && "too many redirects".equalsIgnoreCase(String.valueOf(cause.getMessage()))) {
      return "too many redirects";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}

package org.paperboy.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 serving feeds. Each path serves a body with an ETag and a
 * Last-Modified date, answers 304 to a matching conditional request, gzips when asked, and keeps
 * every request's headers for assertions.
 */
public final class FeedServer implements AutoCloseable {

  /** One request as the server saw it. */
  public record Request(String path, Map<String, List<String>> headers) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** How a path answers. */
  public interface Route {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders())));
            Route route = routes.get(path);
            if (route == null) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              route.handle(exchange);
            }
          }
        });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Serves {@code body} at {@code path}, with validators that change when the body does. */
  public void serve(String path, byte[] body, String contentType) {
    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
    String lastModified = "Sat, 21 Nov 2026 10:00:00 GMT";
    routes.put(
        path,
        exchange -> {
          String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
          if (etag.equals(ifNoneMatch)) {
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.sendResponseHeaders(304, -1);
            return;
          }
          exchange.getResponseHeaders().add("ETag", etag);
          exchange.getResponseHeaders().add("Last-Modified", lastModified);
          exchange.getResponseHeaders().add("Content-Type", contentType);
          byte[] out = body;
          String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
          if (accept != null && accept.contains("gzip")) {
            out = gzip(body);
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          }
          exchange.sendResponseHeaders(200, out.length);
          try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
          }
        });
  }

  /** Serves the fixture feed {@code name} at {@code path}; returns the feed's URL. */
  public URI serveFixture(String path, String name) {
    serve(path, Fixtures.feedBytes(name), "application/xml");
    return url(path);
  }

  /** Answers {@code path} with {@code route}. */
  public void route(String path, Route route) {
    routes.put(path, route);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(body);
    }
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}

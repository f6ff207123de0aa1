package org.paperboy.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the platform fakes share: writing answers and reading url-encoded forms. */
final class FakeHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer a fake has decided on: a status, a body to write as JSON, extra headers. */
  record Reply(int status, Object body, Map<String, String> headers) {
    Reply(int status, Object body) {
      this(status, body, Map.of());
    }
  }

  /** A request the fake refuses, carrying the answer the real server gives. */
  static final class Refusal extends Exception {
    final transient Reply reply;

    Refusal(int status, Object body) {
      this(new Reply(status, body));
    }

    Refusal(Reply reply) {
      super(reply.status() + " " + reply.body());
      this.reply = reply;
    }
  }

  private FakeHttp() {}

  static void json(HttpExchange exchange, Reply reply) throws IOException {
    send(
        exchange,
        reply.status(),
        "application/json; charset=utf-8",
        JSON.writeValueAsBytes(reply.body()),
        reply.headers());
  }

  static void send(
      HttpExchange exchange,
      int status,
      String contentType,
      byte[] body,
      Map<String, String> headers)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Decodes {@code application/x-www-form-urlencoded} text (a query string too); a key may repeat,
   * as Rails' {@code media_ids[]=1&media_ids[]=2} does.
   */
  static Map<String, List<String>> form(String raw) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return form;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      form.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return form;
  }

  static String first(Map<String, List<String>> form, String key) {
    List<String> values = form.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Waits, keeping the interrupt for the caller: a slow answer must not swallow a shutdown. */
  static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

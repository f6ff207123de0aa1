package org.paperboy.publish;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578), as X and Mastodon take uploads: text fields and
 * one file. java.net.http writes none itself. Not thread-safe; build one per request.
 */
public final class Multipart {

  private static final byte[] CRLF = {'\r', '\n'};

  private final String boundary = "paperboy-" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** Adds the text field {@code name}. */
  public Multipart field(String name, String value) {
    part("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
    body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(CRLF);
    return this;
  }

  /** Adds the file field {@code name}: {@code bytes} of {@code type}, named {@code filename}. */
  public Multipart file(String name, String filename, String type, byte[] bytes) {
    part(
        "Content-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + filename
            + "\"\r\nContent-Type: "
            + type
            + "\r\n\r\n");
    body.writeBytes(bytes);
    body.writeBytes(CRLF);
    return this;
  }

  /** The {@code Content-Type} header naming this body's boundary. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The body, closed. */
  public HttpRequest.BodyPublisher publisher() {
    ByteArrayOutputStream closed = new ByteArrayOutputStream();
    closed.writeBytes(body.toByteArray());
    closed.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return HttpRequest.BodyPublishers.ofByteArray(closed.toByteArray());
  }

  private void part(String headers) {
    body.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
  }
}

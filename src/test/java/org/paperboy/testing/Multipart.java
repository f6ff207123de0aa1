package org.paperboy.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) split into its parts, as Rails splits an upload
 * into {@code file} and {@code description}. Malformed bodies are an {@link
 * IllegalArgumentException} naming what is wrong.
 */
final class Multipart {

  /** One part: its field name, its file name (null for a plain field), its type and bytes. */
  record Part(String name, String filename, String contentType, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("(?i)[; ]name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");

  private Multipart() {}

  static List<Part> parse(String contentType, byte[] body) {
    Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (!boundary.find()) {
      throw new IllegalArgumentException("multipart Content-Type without a boundary");
    }
    byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw new IllegalArgumentException("multipart body without its boundary");
    }
    while (true) {
      int start = at + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        return parts;
      }
      start += 2; // the CRLF after the delimiter
      int next = indexOf(body, delimiter, start);
      if (next < 0) {
        throw new IllegalArgumentException("multipart body without its closing boundary");
      }
      parts.add(part(Arrays.copyOfRange(body, start, next - 2))); // less the CRLF before it
      at = next;
    }
  }

  private static Part part(byte[] raw) {
    int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (split < 0) {
      throw new IllegalArgumentException("multipart part without a blank line after its headers");
    }
    String name = null;
    String filename = null;
    String type = "text/plain";
    for (String line : new String(raw, 0, split, StandardCharsets.UTF_8).split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-disposition:")) {
        Matcher n = NAME.matcher(line);
        name = n.find() ? n.group(1) : null;
        Matcher f = FILENAME.matcher(line);
        filename = f.find() ? f.group(1) : null;
      } else if (lower.startsWith("content-type:")) {
        type = line.substring("content-type:".length()).trim();
      }
    }
    if (name == null) {
      throw new IllegalArgumentException("multipart part without a name");
    }
    return new Part(name, filename, type, Arrays.copyOfRange(raw, split + 4, raw.length));
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

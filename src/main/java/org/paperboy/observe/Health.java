package org.paperboy.observe;

import java.util.List;
import java.util.Objects;

/**
 * What {@code /health} says: down with its problem (503, for a load balancer or Kubernetes to act
 * on), or up, with what a maintainer should look at while it runs.
 *
 * @param problem why the service cannot work, or {@code null} when it can
 * @param attention what needs a maintainer though the service works (posts whose outcome is
 *     unknown, their retries spent)
 */
public record Health(String problem, List<String> attention) {

  public Health {
    attention = List.copyOf(Objects.requireNonNull(attention, "attention"));
  }

  public boolean up() {
    return problem == null;
  }

  /** The answer's body: {@code {"status":"up"}}, with its problem or what needs attention. */
  public String json() {
    StringBuilder json =
        new StringBuilder("{\"status\":\"").append(up() ? "up" : "down").append('"');
    if (!up()) {
      json.append(",\"problem\":").append(quoted(problem));
    }
    if (!attention.isEmpty()) {
      json.append(",\"attention\":[");
      for (int i = 0; i < attention.size(); i++) {
        json.append(i == 0 ? "" : ",").append(quoted(attention.get(i)));
      }
      json.append(']');
    }
    return json.append('}').toString();
  }

  /** {@code text} as a JSON string (RFC 8259 §7). */
  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}

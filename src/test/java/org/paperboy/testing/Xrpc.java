package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.paperboy.testing.FakeHttp.Refusal;

/**
 * How an AT Protocol server words its errors (packages/xrpc-server, errors.ts): {@code {"error":
 * name, "message": text}}, a 500 never saying more than "Internal Server Error".
 */
final class Xrpc {

  private Xrpc() {}

  static Map<String, Object> error(String error, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("message", message);
    return body;
  }

  static Refusal refusal(int status, String error, String message) {
    return new Refusal(status, error(status == 500 ? "InternalServerError" : error, message));
  }

  static Refusal invalid(String message) {
    return refusal(400, "InvalidRequest", message);
  }

  /** A procedure's JSON input, refused as packages/xrpc-server refuses a wrong one. */
  static JsonNode input(String contentType, byte[] body) throws Refusal {
    String type =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (type.isEmpty()) {
      throw invalid("Request encoding (Content-Type) required but not provided");
    }
    if (!type.equals("application/json")) {
      throw invalid("Wrong request encoding (Content-Type): " + type);
    }
    try {
      JsonNode json = FakeHttp.JSON.readTree(body);
      if (json == null || !json.isObject()) {
        throw invalid("Expected object value type at $");
      }
      return json;
    } catch (IOException e) {
      throw invalid("Unexpected token in JSON at position 0");
    }
  }

  /** The body of a bare failure with {@code status}, named as packages/xrpc's ResponseType. */
  static Map<String, Object> failure(int status) {
    return switch (status) {
      case 400 -> error("InvalidRequest", "Invalid Request");
      case 401 -> error("AuthenticationRequired", "Authentication Required");
      case 403 -> error("Forbidden", "Forbidden");
      case 413 -> error("PayloadTooLarge", "Payload Too Large");
      case 429 -> error("RateLimitExceeded", "Rate Limit Exceeded");
      case 501 -> error("MethodNotImplemented", "Method Not Implemented");
      case 502 -> error("UpstreamFailure", "Upstream Failure");
      case 503 -> error("NotEnoughResources", "Not Enough Resources");
      case 504 -> error("UpstreamTimeout", "Upstream Timeout");
      default -> error("InternalServerError", "Internal Server Error");
    };
  }
}

package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JSON Web Tokens signed with HMAC-SHA256, as a PDS signs its sessions' tokens. */
final class Hs256 {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private Hs256() {}

  /** A token of type {@code typ} holding {@code claims}, signed with {@code key}. */
  static String jwt(String typ, Map<String, Object> claims, byte[] key) {
    try {
      return signed(
          B64.encodeToString(FakeHttp.JSON.writeValueAsBytes(Map.of("typ", typ, "alg", "HS256")))
              + "."
              + B64.encodeToString(FakeHttp.JSON.writeValueAsBytes(claims)),
          key);
    } catch (IOException e) {
      throw new IllegalStateException("claims are plain JSON", e);
    }
  }

  /**
   * {@code token} as it would have been issued long enough ago to have expired at {@code at}: its
   * claims the same but its times, signed again with {@code key}.
   */
  static String expiredAt(String token, Instant at, byte[] key) {
    String[] parts = token.split("\\.");
    try {
      ObjectNode claims =
          (ObjectNode) FakeHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
      claims.put("exp", at.getEpochSecond());
      claims.put("iat", at.getEpochSecond() - lifetime);
      return signed(
          parts[0] + "." + B64.encodeToString(FakeHttp.JSON.writeValueAsBytes(claims)), key);
    } catch (IOException | ClassCastException e) {
      throw new IllegalArgumentException("not a JWT: " + token, e);
    }
  }

  /** The claims of {@code token}, unverified. */
  static JsonNode claims(String token) throws IOException {
    return FakeHttp.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }

  /** HMAC-SHA256 of {@code content}. */
  static byte[] signature(String content, byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  private static String signed(String content, byte[] key) {
    return content + "." + B64.encodeToString(signature(content, key));
  }
}

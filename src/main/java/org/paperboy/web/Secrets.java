package org.paperboy.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Session ids, tokens and comparisons that leak nothing through their timing. Thread-safe. */
final class Secrets {

  private final SecureRandom random = new SecureRandom();

  /** 256 random bits, URL-safe: a session id or a form's token. */
  String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SHA-256 of {@code text}, in hex: how a session id is stored. */
  static String sha256(String text) {
    return HexFormat.of().formatHex(digest(text));
  }

  /**
   * Whether {@code given} equals {@code expected}, in a time that depends on neither: their
   * digests, of one length whatever theirs, are compared in full ({@link MessageDigest#isEqual}).
   */
  static boolean same(String given, String expected) {
    if (given == null || expected == null) {
      // Still compare, so that a missing value takes as long as a wrong one.
      MessageDigest.isEqual(digest(""), digest(expected == null ? "" : expected));
      return false;
    }
    return MessageDigest.isEqual(digest(given), digest(expected));
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

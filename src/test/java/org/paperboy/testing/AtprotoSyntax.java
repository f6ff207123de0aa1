package org.paperboy.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AT Protocol's string formats, as packages/syntax of bluesky-social/atproto defines them, and
 * the identifiers a PDS makes: TIDs (13 characters of base32-sortable, the first of {@code
 * 234567abcdefghij}), CIDv1 strings (base32, {@code bafkrei...} for raw blobs, {@code bafyrei...}
 * for dag-cbor records), {@code did:plc} identifiers.
 */
final class AtprotoSyntax {

  private static final String SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";
  private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
  private static final Pattern TID = Pattern.compile("[234567abcdefghij][" + SORTABLE + "]{12}");
  private static final Pattern RECORD_KEY = Pattern.compile("[A-Za-z0-9._:~-]{1,512}");
  private static final Pattern DATETIME =
      Pattern.compile(
          "[0-9]{4}-(0[1-9]|1[012])-([0-2][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
              + "(\\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])");
  private static final Pattern URI = Pattern.compile("\\w+:(?://)?[^\\s/][^\\s]*");
  private static final Pattern DID = Pattern.compile("did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]");
  private static final Pattern CID = Pattern.compile("b[a-z2-7]{50,}|Qm[1-9A-HJ-NP-Za-km-z]{44}");
  private static final Pattern AT_URI =
      Pattern.compile("at://([^\\s/?#]+)(?:/([^\\s/?#]+)(?:/([^\\s/?#]+))?)?");
  private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}|[ix]");

  /** The multicodec of a raw blob and of a dag-cbor record. */
  static final int RAW = 0x55;

  static final int DAG_CBOR = 0x71;

  private AtprotoSyntax() {}

  static boolean isTid(String s) {
    return TID.matcher(s).matches();
  }

  /** A TID: 53 bits of microseconds since 1970, then 10 bits of clock id, base32-sortable. */
  static String tid(long micros, int clockId) {
    long value = (micros << 10) | (clockId & 0x3FF);
    char[] out = new char[13];
    for (int i = 12; i >= 0; i--) {
      out[i] = SORTABLE.charAt((int) (value & 31));
      value >>>= 5;
    }
    return new String(out);
  }

  static boolean isRecordKey(String s) {
    return RECORD_KEY.matcher(s).matches() && !s.equals(".") && !s.equals("..");
  }

  /** A datetime as the lexicon's strict {@code datetime} format takes it: RFC 3339, a zone. */
  static boolean isDatetime(String s) {
    if (s.length() > 64 || s.endsWith("-00:00") || !DATETIME.matcher(s).matches()) {
      return false;
    }
    try {
      return OffsetDateTime.parse(s).getYear() >= 0;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** A BCP 47 tag whose primary subtag is lower-case, as the strict {@code language} format. */
  static boolean isLanguage(String s) {
    try {
      new Locale.Builder().setLanguageTag(s);
    } catch (IllformedLocaleException e) {
      return false;
    }
    return PRIMARY.matcher(s.split("-")[0]).matches();
  }

  static boolean isUri(String s) {
    return URI.matcher(s).matches();
  }

  static boolean isDid(String s) {
    return DID.matcher(s).matches();
  }

  static boolean isCid(String s) {
    return CID.matcher(s).matches();
  }

  /** The parts of an {@code at://} URI (authority, collection, rkey; absent ones null), or null. */
  static String[] atUri(String s) {
    Matcher m = AT_URI.matcher(s);
    return m.matches() ? new String[] {m.group(1), m.group(2), m.group(3)} : null;
  }

  /** A CIDv1 of {@code content}'s SHA-256, with multicodec {@code codec}, in base32. */
  static String cid(int codec, byte[] content) {
    byte[] digest = sha256(content);
    byte[] cid = new byte[4 + digest.length];
    cid[0] = 0x01;
    cid[1] = (byte) codec;
    cid[2] = 0x12; // sha2-256
    cid[3] = 0x20; // 32 bytes
    System.arraycopy(digest, 0, cid, 4, digest.length);
    return "b" + base32(cid);
  }

  /** A {@code did:plc} identifier: 24 base32 characters, here derived from {@code seed}. */
  static String didPlc(String seed) {
    return "did:plc:" + base32(sha256(seed.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }
}

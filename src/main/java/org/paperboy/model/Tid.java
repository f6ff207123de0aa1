package org.paperboy.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A timestamp identifier as the AT Protocol writes record keys: 64 bits (a zero, 53 bits of
 * microseconds since the epoch, 10 bits of clock id) in 13 characters of its base32-sortable
 * alphabet, so that keys sort by time. A post's key is chosen when it is queued and is the same on
 * every attempt: its record key on Bluesky, its idempotency key on Mastodon.
 *
 * @param micros microseconds since the epoch
 * @param clockId 0 to 1023, telling apart keys made in the same microsecond by different writers
 */
public record Tid(long micros, int clockId) {

  private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

  public Tid {
    if (micros < 0 || micros >= 1L << 53) {
      throw new IllegalArgumentException("a TID's microseconds are 53 bits: " + micros);
    }
    if (clockId < 0 || clockId > 1023) {
      throw new IllegalArgumentException("a TID's clock id is 0 to 1023: " + clockId);
    }
  }

  /**
   * The TID written {@code text}.
   *
   * @throws IllegalArgumentException naming the text when it is not 13 characters of the alphabet
   */
  public static Tid parse(String text) {
    if (text.length() != 13) {
      throw new IllegalArgumentException("a TID is 13 characters: " + text);
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0 || (i == 0 && digit > 15)) {
        throw new IllegalArgumentException("not a TID: " + text);
      }
      value = (value << 5) | digit;
    }
    return new Tid(value >>> 10, (int) (value & 1023));
  }

  /** The TID {@code step} microseconds after this one: a thread's reply after its first post. */
  public Tid plus(int step) {
    return new Tid(micros + step, clockId);
  }

  /** When it was made. */
  public Instant instant() {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  @Override
  public String toString() {
    long value = (micros << 10) | clockId;
    char[] text = new char[13];
    for (int i = 12; i >= 0; i--) {
      text[i] = ALPHABET.charAt((int) (value & 31));
      value >>>= 5;
    }
    return new String(text);
  }
}

package org.paperboy.picture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A WebP picture's size, from its first chunk (RFC 9649): the JDK reads no WebP, and a size is all
 * Paperboy needs of one that already fits.
 */
final class WebpHeader {

  private WebpHeader() {}

  static int[] size(byte[] b) throws IOException {
    if (b.length < 30) {
      throw new IOException("a WebP file too short for its header");
    }
    String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
    switch (chunk) {
      case "VP8X":
        return new int[] {1 + le24(b, 24), 1 + le24(b, 27)};
      case "VP8L":
        if ((b[20] & 0xFF) != 0x2F) {
          throw new IOException("a lossless WebP without its signature byte");
        }
        long bits =
            (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
        return new int[] {1 + (int) (bits & 0x3FFF), 1 + (int) ((bits >> 14) & 0x3FFF)};
      case "VP8 ":
        if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
          throw new IOException("a lossy WebP without its start code");
        }
        return new int[] {le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF};
      default:
        throw new IOException("a WebP whose first chunk is " + chunk);
    }
  }

  private static int le16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static int le24(byte[] b, int at) {
    return le16(b, at) | (b[at + 2] & 0xFF) << 16;
  }
}

package org.paperboy.parse;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feed bytes to XML text that a parser will take, as real feeds need: the encoding found by XML's
 * own rules (byte-order mark, then declaration, then the HTTP charset); bytes that are wrong for it
 * read as windows-1252, not replaced and not fatal; characters XML 1.0 forbids (control characters
 * pasted from word processors) dropped.
 */
final class FeedText {

  // XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
  private static final Pattern NOT_XML =
      Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");
  // Windows-1252 as the WHATWG Encoding Standard defines it (index windows-1252): each byte is one
  // character, and the five bytes Java's decoder leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
  // are the C1 controls of the same value, as browsers read them.
  private static final char[] WINDOWS_1252 = windows1252();

  /**
   * The text, and what had to be mended to read it.
   *
   * @param warnings one line for each kind of repair, empty when the bytes were clean
   */
  record Decoded(String text, List<String> warnings) {}

  private FeedText() {}

  static Decoded of(byte[] body, String contentType) throws IOException {
    Charset charset = detect(body, contentType);
    List<String> warnings = new ArrayList<>();
    String text;
    if (charset.equals(StandardCharsets.ISO_8859_1)) {
      // WHATWG: the label "iso-8859-1" means windows-1252, whose 0x80-0x9F are quotes and dashes
      // where Latin-1 has invisible controls.
      text = windows1252(body);
    } else {
      text = strictly(body, charset);
      if (text == null && !charset.equals(StandardCharsets.UTF_8)) {
        text = strictly(body, StandardCharsets.UTF_8);
        if (text != null) {
          warnings.add("bytes that are not " + charset + " were read as UTF-8");
        }
      }
      if (text == null) {
        // A feed in Latin-1 or windows-1252 that declares UTF-8, or nothing: read it as browsers
        // and Python's feedparser do, so that "Málaga" keeps its "á" where replacing the byte put
        // U+FFFD. What is valid UTF-8 stays UTF-8: a UTF-8 feed with one stray byte keeps its
        // other accents.
        text = utf8OrWindows1252(body);
        warnings.add(
            "bytes that are not "
                + (charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset + " or UTF-8")
                + " were read as windows-1252 (the feed declares the wrong charset, or none)");
      }
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    Matcher invalid = NOT_XML.matcher(text);
    if (holdsCharactersXmlForbids(text) && invalid.find()) {
      int count = (int) NOT_XML.matcher(text).results().count();
      warnings.add(count + " characters that XML forbids were dropped");
      text = invalid.replaceAll("");
    }
    return new Decoded(text, warnings);
  }

  /** The same test as {@code NOT_XML}, in a loop: far quicker over a clean feed. */
  private static boolean holdsCharactersXmlForbids(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c <= 0xD7FF
          || c >= 0xE000 && c <= 0xFFFD
          || c == 0x9
          || c == 0xA
          || c == 0xD) {
        continue;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      return true;
    }
    return false;
  }

  /** {@code body} in {@code charset}, or {@code null} when a byte is not valid in it. */
  private static String strictly(byte[] body, Charset charset) {
    try {
      return charset.newDecoder().decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException wrongCharset) {
      return null;
    }
  }

  /** {@code body} as UTF-8, with each byte that is not part of a UTF-8 sequence as windows-1252. */
  private static String utf8OrWindows1252(byte[] body) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(body);
    // UTF-8 never gives more characters than bytes, nor windows-1252 more than one a byte.
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult result = utf8.decode(in, out, true);
    while (result.isError()) {
      for (int i = 0; i < result.length(); i++) {
        out.put(WINDOWS_1252[in.get() & 0xFF]);
      }
      result = utf8.decode(in, out, true);
    }
    utf8.flush(out);
    return out.flip().toString();
  }

  private static String windows1252(byte[] body) {
    char[] text = new char[body.length];
    for (int i = 0; i < body.length; i++) {
      text[i] = WINDOWS_1252[body[i] & 0xFF];
    }
    return new String(text);
  }

  private static char[] windows1252() {
    Charset charset = Charset.forName("windows-1252");
    char[] table = new char[256];
    for (int b = 0; b < table.length; b++) {
      String one = strictly(new byte[] {(byte) b}, charset);
      table[b] = one == null ? (char) b : one.charAt(0);
    }
    return table;
  }

  /** The charset XML's rules name; UTF-8 when they name one Java does not have. */
  private static Charset detect(byte[] body, String contentType) throws IOException {
    // XmlReader opens a reader in the charset it found: an unknown name fails there, as an
    // UnsupportedEncodingException, before its name could be looked up here.
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      return Charset.forName(reader.getEncoding());
    } catch (UnsupportedEncodingException
        | IllegalCharsetNameException
        | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }
}

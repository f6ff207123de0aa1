package org.paperboy.parse;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
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
 * replaced, not fatal; characters XML 1.0 forbids (control characters pasted from word processors)
 * dropped.
 */
final class FeedText {

  // XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
  private static final Pattern NOT_XML =
      Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

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
    try {
      text = charset.newDecoder().decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException wrongCharset) {
      warnings.add(
          "bytes that are not " + charset + " were replaced (the feed declares the wrong charset)");
      text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(body))
              .toString();
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

  private static Charset detect(byte[] body, String contentType) throws IOException {
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      return Charset.forName(reader.getEncoding());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }
}

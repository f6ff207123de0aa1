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

  private FeedText() {}

  static String of(byte[] body, String contentType) throws IOException {
    Charset charset = detect(body, contentType);
    String text;
    try {
      text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("cannot decode the feed as " + charset, e);
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return NOT_XML.matcher(text).replaceAll("");
  }

  private static Charset detect(byte[] body, String contentType) throws IOException {
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      return Charset.forName(reader.getEncoding());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }
}

package org.paperboy.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and normalises DOIs, for every stage that reads one (feeds, article pages). A normalised
 * DOI is lower case (DOIs are case-insensitive, ISO 26324) with no {@code doi:}, {@code info:doi/}
 * or resolver prefix, and is always {@linkplain #isValid valid}.
 */
public final class Doi {

  // Crossref's advice for modern DOIs: 10.<4-9 digits>/<suffix of [-._;()/:A-Z0-9]>; we also
  // accept the [ ] of older Wiley DOIs and a registrant's sub-codes (10.1000.10/…), and stop at
  // whitespace, quotes and markup. A DOI read from a URL ends where the URL's path ends: '?' opens
  // its query and '#' its fragment (RFC 3986 §3.4, §3.5). The Microbiology Society's feeds link
  // ".../10.1099/ijsem.0.005146?TRACK=RSS"; a DOI that kept "?TRACK=RSS" resolved nowhere.
  private static final Pattern DOI =
      Pattern.compile("\\b(10\\.\\d{4,9}(?:\\.\\d+)*/[^\\s\"'<>&?#]+)", Pattern.CASE_INSENSITIVE);
  // What doi.org resolves: "10.", registrant digits (DOI Handbook §2.2.2), a slash, a suffix with
  // neither whitespace nor a character that would end a URL's path.
  private static final Pattern VALID = Pattern.compile("10\\.\\d+(?:\\.\\d+)*/[^\\s?#]+");
  private static final Pattern TRAILING = Pattern.compile("[.,;:)\\]}]+$");
  private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

  private Doi() {}

  /**
   * The first DOI in {@code text} (a bare DOI, a {@code doi:} form or a URL that holds one), with
   * the URL's percent-escapes decoded so that the DOI is written once, as registered.
   */
  public static Optional<String> find(String text) {
    if (text == null || text.indexOf("10.") < 0 && !text.contains("10%2")) {
      return Optional.empty();
    }
    Matcher m = DOI.matcher(text.indexOf('%') < 0 ? text : percentDecoded(text));
    if (!m.find()) {
      return Optional.empty();
    }
    String doi = normalise(m.group(1));
    return isValid(doi) ? Optional.of(doi) : Optional.empty();
  }

  /**
   * True when {@code doi} is a DOI that doi.org can resolve as a path: {@code 10.}, registrant
   * digits, {@code /}, and a suffix without whitespace, {@code ?} or {@code #}.
   */
  public static boolean isValid(String doi) {
    return doi != null && VALID.matcher(doi).matches();
  }

  /**
   * {@code doi} in normal form: lower case, trailing punctuation that closes no bracket dropped.
   */
  public static String normalise(String doi) {
    String value = doi.strip();
    Matcher trailing = TRAILING.matcher(value);
    while (trailing.find()) {
      String tail = trailing.group();
      // Keep a closing parenthesis that closes one opened inside the DOI, as in 10.1016/0002(79)x.
      if (tail.startsWith(")") && count(value, '(') >= count(value, ')')) {
        break;
      }
      value = value.substring(0, value.length() - 1);
      trailing = TRAILING.matcher(value);
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static int count(String text, char c) {
    return (int) text.chars().filter(ch -> ch == c).count();
  }

  /**
   * {@code text} with its {@code %XX} escapes decoded as UTF-8 (RFC 3986 §2.1); a lone "%", as in
   * "50% of", stays, and so does the whole text when the escapes are not UTF-8. Unlike HTML form
   * decoding, "+" stays "+".
   */
  private static String percentDecoded(String text) {
    if (!PERCENT_ESCAPE.matcher(text).find()) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && isHex(text, i + 1) && isHex(text, i + 2)) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.write(utf8, 0, utf8.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return text;
    }
  }

  private static boolean isHex(String text, int at) {
    return Character.digit(text.charAt(at), 16) >= 0;
  }
}

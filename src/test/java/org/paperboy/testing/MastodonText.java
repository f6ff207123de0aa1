package org.paperboy.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A status's text as Mastodon 4 counts and renders it. The count is {@code StatusLengthValidator}'s
 * (app/validators/status_length_validator.rb): the text stripped, every URL with a protocol
 * replaced by {@code characters_reserved_per_url} characters, every mention by {@code @} and its
 * local part, the content warning added, and the result counted in extended grapheme clusters. The
 * HTML is {@code TextFormatter}'s (app/lib/text_formatter.rb): text HTML-escaped, links with an
 * invisible prefix, 30 visible characters and an ellipsis span, hashtag and local-mention links,
 * then Rails' {@code simple_format}: a {@code <p>} per blank-line-separated paragraph and {@code
 * <br />} for single line breaks. Entities are found with Mastodon's patterns: URLs as twitter-text
 * finds them, widened by config/initializers/twitter_regex.rb (a path may hold any non-space
 * character but {@code <>()?}; a few trailing punctuation marks are left out); {@code
 * Account::MENTION_RE}; {@code Tag::HASHTAG_RE}. One simplification: a domain's last label need
 * only be alphabetic, where twitter-text looks it up in its list of TLDs.
 */
final class MastodonText {

  enum Kind {
    URL,
    MENTION,
    HASHTAG
  }

  record Entity(Kind kind, int start, int end, String value) {}

  private static final String UCHARS =
      "\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF\\x{10000}-\\x{1FFFD}\\x{20000}-\\x{2FFFD}"
          + "\\x{30000}-\\x{3FFFD}\\x{40000}-\\x{4FFFD}\\x{50000}-\\x{5FFFD}\\x{60000}-\\x{6FFFD}"
          + "\\x{70000}-\\x{7FFFD}\\x{80000}-\\x{8FFFD}\\x{90000}-\\x{9FFFD}\\x{A0000}-\\x{AFFFD}"
          + "\\x{B0000}-\\x{BFFFD}\\x{C0000}-\\x{CFFFD}\\x{D0000}-\\x{DFFFD}\\x{E1000}-\\x{EFFFD}"
          + "\\uE000-\\uF8FF\\x{F0000}-\\x{FFFFD}\\x{100000}-\\x{10FFFD}";
  private static final String PATH_CHAR = "[^\\s<>()?]";
  private static final String PARENS =
      "\\((?:" + PATH_CHAR + "+|" + PATH_CHAR + "*\\(" + PATH_CHAR + "+\\)" + PATH_CHAR + "*)\\)";
  private static final String PATH_END = "(?:[^\\s()?!*\"'「」<>;:=,.$%\\[\\]~&|@]|" + PARENS + ")";
  private static final String PATH =
      "(?:" + PATH_CHAR + "*(?:" + PARENS + PATH_CHAR + "*)*" + PATH_END + "|" + PATH_CHAR + "+/)";
  private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_-]*[\\p{L}\\p{N}])?";
  private static final Pattern URL =
      Pattern.compile(
          "(?<![a-z0-9@＠$#＃\\u202A-\\u202E])"
              + "(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://"
              + "(?:"
              + LABEL
              + "\\.)+(?:\\p{L}{2,}|xn--[a-z0-9-]+)(?![\\p{L}\\p{N}_-])"
              + "(?::[0-9]+)?"
              + "(?:/"
              + PATH
              + "*)?"
              + "(?:\\?[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@^"
              + UCHARS
              + "]*[a-z0-9_&=#/\\-"
              + UCHARS
              + "])?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

  private static final String WORD = "\\p{L}\\p{M}\\p{Nd}\\p{Pc}";
  private static final Pattern MENTION =
      Pattern.compile(
          "(?<![=/"
              + WORD
              + "])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_])?(?:@["
              + WORD
              + ".-]+["
              + WORD
              + "])?)",
          Pattern.CASE_INSENSITIVE);
  // twitter-text's end_mention_match: a mention followed by these is none.
  private static final Pattern NOT_AFTER_MENTION =
      Pattern.compile(
          "[@＠\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f\\u0253\\u0254"
              + "\\u0256\\u0257\\u0259\\u025b\\u0263\\u0268\\u026f\\u0272\\u0289\\u028b\\u02bb"
              + "\\u0300-\\u036f\\u1e00-\\u1eff]|://");

  private static final String SEPARATORS = "_\\u00B7\\u30FB\\u200c";
  private static final String ALPHA = "\\p{L}\\p{M}";
  private static final Pattern HASHTAG =
      Pattern.compile(
          "(?:^|(?<=\\s))[#＃](["
              + WORD
              + "_]["
              + WORD
              + SEPARATORS
              + "]*["
              + ALPHA
              + SEPARATORS
              + "]["
              + WORD
              + SEPARATORS
              + "]*["
              + WORD
              + "_]|["
              + WORD
              + "_]*["
              + ALPHA
              + "]["
              + WORD
              + "_]*)",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern PREFIX = Pattern.compile("(https?://(www\\.)?|xmpp:)");
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private MastodonText() {}

  /** The length Mastodon checks against {@code max_characters}. */
  static int length(String text, String spoilerText, int charactersPerUrl) {
    String stripped = strip(text);
    StringBuilder countable = new StringBuilder(strip(spoilerText));
    if (!stripped.isBlank()) {
      int at = 0;
      for (Entity e : entities(stripped, false)) {
        countable.append(stripped, at, e.start());
        countable.append(
            e.kind() == Kind.URL ? "x".repeat(charactersPerUrl) : "@" + e.value().split("@")[0]);
        at = e.end();
      }
      countable.append(stripped.substring(at));
    }
    Matcher m = GRAPHEME.matcher(countable);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The status's {@code content}, for an account {@code username} on {@code domain}. */
  static String html(String text, String domain, String username) {
    String stripped = strip(text);
    if (stripped.isBlank()) {
      return "";
    }
    StringBuilder html = new StringBuilder();
    int at = 0;
    for (Entity e : entities(stripped, true)) {
      html.append(escape(stripped.substring(at, e.start())));
      html.append(
          switch (e.kind()) {
            case URL -> link(e.value());
            case HASHTAG ->
                "<a href=\""
                    + escape("https://" + domain + "/tags/" + pathSegment(e.value()))
                    + "\" class=\"mention hashtag\" rel=\"tag\">#<span>"
                    + escape(e.value())
                    + "</span></a>";
            case MENTION -> mention(e.value(), domain, username);
          });
      at = e.end();
    }
    html.append(escape(stripped.substring(at)));
    return simpleFormat(html.toString());
  }

  /** The hashtags of {@code text}, as written, for a status's {@code tags}. */
  static List<String> hashtags(String text) {
    List<String> tags = new ArrayList<>();
    for (Entity e : entities(strip(text), true)) {
      if (e.kind() == Kind.HASHTAG) {
        tags.add(e.value());
      }
    }
    return tags;
  }

  /** Ruby's {@code String#strip}, which {@code Status#prepare_contents} applies before saving. */
  static String strip(String text) {
    if (text == null) {
      return "";
    }
    int from = 0;
    int to = text.length();
    String space = "\u0000\t\n\u000B\f\r ";
    while (from < to && space.indexOf(text.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && space.indexOf(text.charAt(to - 1)) >= 0) {
      to--;
    }
    return text.substring(from, to);
  }

  private static List<Entity> entities(String text, boolean withHashtags) {
    List<Entity> all = new ArrayList<>();
    Matcher url = URL.matcher(text);
    while (url.find()) {
      all.add(new Entity(Kind.URL, url.start(), url.end(), url.group()));
    }
    Matcher mention = MENTION.matcher(text);
    while (mention.find()) {
      Matcher after = NOT_AFTER_MENTION.matcher(text).region(mention.end(), text.length());
      if (!after.lookingAt()) {
        all.add(new Entity(Kind.MENTION, mention.start(), mention.end(), mention.group(1)));
      }
    }
    Matcher tag = HASHTAG.matcher(text);
    while (withHashtags && tag.find()) {
      all.add(new Entity(Kind.HASHTAG, tag.start(), tag.end(), tag.group(1)));
    }
    // twitter-text's remove_overlapping_entities: by start, an entity inside an earlier one goes.
    all.sort(Comparator.comparingInt(Entity::start));
    List<Entity> kept = new ArrayList<>();
    for (Entity e : all) {
      if (kept.isEmpty() || kept.get(kept.size() - 1).end() <= e.start()) {
        kept.add(e);
      }
    }
    return kept;
  }

  // TextFormatter.shortened_link: 30 characters after the prefix show; one more is shown rather
  // than cut.
  private static String link(String url) {
    Matcher p = PREFIX.matcher(url);
    String prefix = p.lookingAt() ? p.group() : "";
    String rest = url.substring(prefix.length());
    int length = rest.codePointCount(0, rest.length());
    int shown = length - 30 == 1 ? length : Math.min(30, length);
    int cut = rest.offsetByCodePoints(0, shown);
    return "<a href=\""
        + escape(url)
        + "\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\">"
        + "<span class=\"invisible\">"
        + escape(prefix)
        + "</span><span class=\""
        + (shown < length ? "ellipsis" : "")
        + "\">"
        + escape(rest.substring(0, cut))
        + "</span><span class=\"invisible\">"
        + escape(rest.substring(cut))
        + "</span></a>";
  }

  private static String mention(String screenName, String domain, String username) {
    String[] parts = screenName.split("@", 2);
    boolean local = parts.length == 1 || parts[1].equalsIgnoreCase(domain);
    if (!local || !parts[0].equalsIgnoreCase(username)) {
      return "@" + escape(screenName);
    }
    return "<span class=\"h-card\" translate=\"no\"><a href=\""
        + escape("https://" + domain + "/@" + username)
        + "\" class=\"u-url mention\">@<span>"
        + escape(username)
        + "</span></a></span>";
  }

  // Rails' simple_format with Mastodon's .delete("\n") after it.
  private static String simpleFormat(String html) {
    String text = html.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder();
    for (String paragraph : text.split("\n\n+")) {
      out.append("<p>")
          .append(paragraph.replaceAll("([^\n]\n)(?=[^\n])", "$1<br />"))
          .append("</p>");
    }
    return out.toString().replace("\n", "");
  }

  private static String pathSegment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** ERB::Util.html_escape. */
  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}

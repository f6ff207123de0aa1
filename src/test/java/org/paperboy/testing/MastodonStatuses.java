package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.paperboy.testing.FakeHttp.Refusal;
import org.paperboy.testing.FakeHttp.Reply;

/**
 * The fake Mastodon's statuses: {@code POST /api/v1/statuses} as
 * app/controllers/api/v1/statuses_controller.rb and app/services/post_status_service.rb take one,
 * and {@code GET /api/v1/accounts/:id/statuses}. A repeated {@code Idempotency-Key} within 3,600 s
 * of a post that succeeded answers that post again and creates nothing; a key whose post failed is
 * not kept. Thread-safe.
 */
final class MastodonStatuses {

  private record Kept(FakeMastodon.Status sent, long id, Map<String, Object> json) {}

  private record Key(String statusId, Instant until) {}

  private static final Duration IDEMPOTENCY = Duration.ofSeconds(3_600);
  private static final Set<String> VISIBILITIES = Set.of("public", "unlisted", "private", "direct");
  // LanguagesHelper::SUPPORTED_LOCALES: ISO 639-1, a few regional codes, a few ISO 639-3 codes.
  private static final Set<String> LANGUAGES = new HashSet<>(Set.of(Locale.getISOLanguages()));

  static {
    LANGUAGES.addAll(
        List.of(
            "zh-CN", "zh-HK", "zh-TW", "zh-YUE", "ast", "chr", "ckb", "cnr", "jbo", "kab", "ldn",
            "lfn", "sco", "sma", "smj", "szl", "tok", "xal", "zba", "zgh"));
  }

  private final Clock clock;
  private final MastodonSettings settings;
  private final MastodonMedia media;
  private final Misbehaviour misbehaviour;
  private final Supplier<String> ids;
  private final List<Kept> kept = new ArrayList<>();
  private final Map<String, Key> keys = new HashMap<>();

  MastodonStatuses(
      Clock clock,
      MastodonSettings settings,
      MastodonMedia media,
      Misbehaviour misbehaviour,
      Supplier<String> ids) {
    this.clock = clock;
    this.settings = settings;
    this.media = media;
    this.misbehaviour = misbehaviour;
    this.ids = ids;
  }

  /** Takes one {@code POST /api/v1/statuses} and answers it, or misbehaves as asked. */
  void create(HttpExchange exchange, byte[] body, Map<String, String> rateLimit)
      throws IOException {
    Misbehaviour.Turn turn = misbehaviour.next();
    switch (turn.kind()) {
      case DROP:
        return;
      case CANNED:
        ScriptedAnswer canned = turn.canned();
        byte[] bytes = canned.body.getBytes(StandardCharsets.UTF_8);
        FakeHttp.send(exchange, canned.status, "application/json", bytes, canned.headers);
        return;
      case FAIL:
        failure(exchange, misbehaviour.failStatus());
        return;
      case LIMITED:
        // Rack::Attack's throttled_responder (config/initializers/rack_attack.rb).
        Map<String, String> headers =
            Map.of(
                "X-RateLimit-Limit", "300",
                "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", MastodonJson.resetTime(misbehaviour.limitedUntil()));
        FakeHttp.json(exchange, new Reply(429, MastodonJson.error("Too many requests"), headers));
        return;
      case USUAL:
        break;
    }
    Reply reply;
    boolean drop = false;
    try {
      Map<String, List<String>> params =
          params(
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestURI().getRawQuery(),
              body);
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      synchronized (this) {
        Kept status = repeated(params, key);
        if (status == null) {
          status = create(params, key);
          drop = misbehaviour.created();
        }
        reply = new Reply(200, status.json(), rateLimit);
      }
    } catch (Refusal refusal) {
      reply = new Reply(refusal.reply.status(), refusal.reply.body(), rateLimit);
    }
    FakeHttp.pause(turn.delay());
    if (!drop) {
      FakeHttp.json(exchange, reply);
    }
  }

  /**
   * {@code GET /api/v1/accounts/:id/statuses}: newest first, {@code limit} (20, at most 40), {@code
   * max_id}, {@code since_id}, {@code min_id}, and a {@code Link} header to the next and previous
   * pages. Only the owner sees private and direct statuses.
   */
  synchronized Reply list(Map<String, List<String>> query, boolean owner, String base) {
    String limitParam = FakeHttp.first(query, "limit");
    int limit = limitParam == null ? 20 : (int) Math.min(Math.abs(number(limitParam)), 40);
    long maxId =
        query.containsKey("max_id") ? number(FakeHttp.first(query, "max_id")) : Long.MAX_VALUE;
    long sinceId = query.containsKey("since_id") ? number(FakeHttp.first(query, "since_id")) : 0;
    long minId = query.containsKey("min_id") ? number(FakeHttp.first(query, "min_id")) : -1;
    List<Kept> page = new ArrayList<>();
    for (Kept k : kept) {
      String visibility = (String) k.json().get("visibility");
      boolean visible = owner || visibility.equals("public") || visibility.equals("unlisted");
      if (visible && k.id() < maxId && k.id() > sinceId && k.id() > minId) {
        page.add(k);
      }
    }
    // paginate_by_min_id takes the oldest after min_id; otherwise the newest come first.
    page.sort(Comparator.comparingLong(Kept::id));
    if (minId < 0) {
      Collections.reverse(page);
    }
    page = new ArrayList<>(page.subList(0, Math.min(limit, page.size())));
    page.sort(Comparator.comparingLong(Kept::id).reversed());
    List<Map<String, Object>> json = page.stream().map(Kept::json).toList();
    if (page.isEmpty()) {
      return new Reply(200, json);
    }
    String path = base + "/api/v1/accounts/" + FakeMastodon.ACCOUNT_ID + "/statuses?";
    String limitPart = limitParam == null ? "" : "limit=" + limitParam + "&";
    List<String> links = new ArrayList<>();
    if (page.size() == limit) {
      links.add(
          "<" + path + limitPart + "max_id=" + page.get(page.size() - 1).id() + ">; rel=\"next\"");
    }
    links.add("<" + path + limitPart + "min_id=" + page.get(0).id() + ">; rel=\"prev\"");
    return new Reply(200, json, Map.of("Link", String.join(", ", links)));
  }

  synchronized List<FakeMastodon.Status> statuses() {
    return kept.stream().map(Kept::sent).toList();
  }

  synchronized int count() {
    return kept.size();
  }

  private Kept repeated(Map<String, List<String>> params, String key) throws Refusal {
    String inReplyTo = FakeHttp.first(params, "in_reply_to_id");
    if (inReplyTo != null && !inReplyTo.isEmpty() && find(inReplyTo) == null) {
      // StatusesController#set_thread, before PostStatusService looks at the key.
      throw new Refusal(
          404, MastodonJson.error("The post you are trying to reply to does not appear to exist."));
    }
    Key previous = key == null || key.isEmpty() ? null : keys.get(key);
    if (previous != null && clock.instant().isBefore(previous.until())) {
      return find(previous.statusId());
    }
    return null;
  }

  private Kept create(Map<String, List<String>> params, String key) throws Refusal {
    String text = FakeHttp.first(params, "status");
    String spoiler = MastodonText.strip(FakeHttp.first(params, "spoiler_text"));
    String visibility = FakeHttp.first(params, "visibility");
    String language = FakeHttp.first(params, "language");
    String inReplyTo = FakeHttp.first(params, "in_reply_to_id");
    List<String> mediaIds = params.getOrDefault("media_ids", List.of());
    List<Map<String, Object>> attachments = media.check(mediaIds);
    List<String> problems = new ArrayList<>();
    if (MastodonText.strip(text).isBlank() && mediaIds.isEmpty()) {
      problems.add("Text can't be blank");
    }
    if (MastodonText.length(text, spoiler, settings.charactersReservedPerUrl)
        > settings.maxCharacters) {
      problems.add("Text character limit of " + settings.maxCharacters + " exceeded");
    }
    boolean given = visibility != null && !visibility.isEmpty();
    if (given && !VISIBILITIES.contains(visibility)) {
      problems.add("Visibility is not included in the list");
    }
    if (!problems.isEmpty()) {
      throw new Refusal(
          422, MastodonJson.error("Validation failed: " + String.join(", ", problems)));
    }
    Instant now = clock.instant();
    String id = ids.get();
    Map<String, Object> json =
        MastodonJson.status(
            id,
            now,
            text == null ? "" : text,
            spoiler,
            given ? visibility : "public",
            language(language),
            inReplyTo == null || inReplyTo.isEmpty() ? null : inReplyTo,
            attachments);
    Kept status =
        new Kept(
            new FakeMastodon.Status(
                id, text, visibility, language, inReplyTo, List.copyOf(mediaIds), key, now),
            Long.parseLong(id),
            json);
    kept.add(status);
    media.attach(mediaIds, id);
    if (key != null && !key.isEmpty()) {
      keys.put(key, new Key(id, now.plus(IDEMPOTENCY)));
    }
    return status;
  }

  private Kept find(String id) {
    return kept.stream().filter(k -> k.sent().id().equals(id)).findFirst().orElse(null);
  }

  // PostStatusService keeps valid_locale_cascade(language, the user's, I18n.default_locale): a
  // language Mastodon does not know is replaced, not refused.
  private static String language(String given) {
    if (given == null || given.isEmpty()) {
      return "en";
    }
    if (LANGUAGES.contains(given)) {
      return given;
    }
    String code = given.split("[_-]")[0];
    return LANGUAGES.contains(code) ? code : "en";
  }

  /**
   * Rails' params: the query, and a JSON, url-encoded or multipart body; {@code a[]} is {@code a}.
   */
  static Map<String, List<String>> params(String contentType, String query, byte[] body)
      throws Refusal {
    Map<String, List<String>> params = new LinkedHashMap<>();
    FakeHttp.form(query).forEach((k, v) -> add(params, k, v));
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    try {
      if (type.startsWith("application/json")) {
        JsonNode json = FakeHttp.JSON.readTree(body);
        if (json != null && json.isObject()) {
          for (Map.Entry<String, JsonNode> e : json.properties()) {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
              e.getValue().forEach(v -> values.add(v.asText()));
            } else if (!e.getValue().isNull()) {
              values.add(e.getValue().asText());
            }
            add(params, e.getKey(), values);
          }
        }
      } else if (type.startsWith("application/x-www-form-urlencoded")) {
        FakeHttp.form(new String(body, StandardCharsets.UTF_8))
            .forEach((k, v) -> add(params, k, v));
      } else if (type.startsWith("multipart/form-data")) {
        for (Multipart.Part part : Multipart.parse(contentType, body)) {
          add(params, part.name(), List.of(part.text()));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new Refusal(400, MastodonJson.error("Error occurred while parsing request parameters"));
    }
    return params;
  }

  private static void add(Map<String, List<String>> params, String key, List<String> values) {
    String name = key.endsWith("[]") ? key.substring(0, key.length() - 2) : key;
    params.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
  }

  /**
   * A failure from in front of Rails or from it: nginx's own page for 502 and 504 (Puma down or
   * slow), Mastodon's {@code respond_with_error} JSON otherwise.
   */
  private static void failure(HttpExchange exchange, int status) throws IOException {
    if (status == 502 || status == 504) {
      String title = status + (status == 502 ? " Bad Gateway" : " Gateway Timeout");
      String page =
          "<html>\r\n<head><title>"
              + title
              + "</title></head>\r\n<body>\r\n<center><h1>"
              + title
              + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
      FakeHttp.send(exchange, status, "text/html", page.getBytes(StandardCharsets.UTF_8), Map.of());
      return;
    }
    String reason =
        switch (status) {
          case 500 -> "Internal Server Error";
          case 503 -> "Service Unavailable";
          default -> "Error";
        };
    FakeHttp.json(exchange, new Reply(status, MastodonJson.error(reason)));
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return 0; // Ruby's to_i
    }
  }
}

package org.paperboy.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON a Mastodon 4.4 server answers with, for the fake's one account on {@link
 * FakeMastodon#DOMAIN}: REST::AccountSerializer, REST::StatusSerializer (no {@code text}: it is
 * sent only when a client asks for a status's source), REST::MediaAttachmentSerializer and
 * REST::InstanceSerializer.
 */
final class MastodonJson {

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final String WEB = "https://" + FakeMastodon.DOMAIN;

  private MastodonJson() {}

  /** How Rails writes a time into JSON: UTC, milliseconds. */
  static String time(Instant at) {
    return MILLIS.format(at);
  }

  /** How Mastodon writes {@code X-RateLimit-Reset}: {@code Time#iso8601(6)}. */
  static String resetTime(Instant at) {
    return MICROS.format(at);
  }

  static Map<String, Object> error(String message) {
    return Map.of("error", message);
  }

  static Map<String, Object> account(int statuses) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("id", FakeMastodon.ACCOUNT_ID);
    a.put("username", FakeMastodon.USERNAME);
    a.put("acct", FakeMastodon.USERNAME);
    a.put("display_name", "Paperboy");
    a.put("locked", false);
    a.put("bot", true);
    a.put("discoverable", true);
    a.put("group", false);
    a.put("created_at", "2026-01-05T00:00:00.000Z");
    a.put("note", "<p>New papers, as they appear.</p>");
    a.put("url", WEB + "/@" + FakeMastodon.USERNAME);
    a.put("uri", WEB + "/users/" + FakeMastodon.USERNAME);
    a.put("avatar", WEB + "/avatars/original/missing.png");
    a.put("avatar_static", WEB + "/avatars/original/missing.png");
    a.put("header", WEB + "/headers/original/missing.png");
    a.put("header_static", WEB + "/headers/original/missing.png");
    a.put("followers_count", 0);
    a.put("following_count", 0);
    a.put("statuses_count", statuses);
    a.put("emojis", List.of());
    a.put("fields", List.of());
    return a;
  }

  static Map<String, Object> status(
      String id,
      Instant at,
      String text,
      String spoilerText,
      String visibility,
      String language,
      String inReplyToId,
      List<Map<String, Object>> media) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", id);
    s.put("created_at", time(at));
    s.put("in_reply_to_id", inReplyToId);
    s.put("in_reply_to_account_id", inReplyToId == null ? null : FakeMastodon.ACCOUNT_ID);
    s.put("sensitive", !spoilerText.isEmpty());
    s.put("spoiler_text", spoilerText);
    s.put("visibility", visibility);
    s.put("language", language);
    s.put("uri", WEB + "/users/" + FakeMastodon.USERNAME + "/statuses/" + id);
    s.put("url", WEB + "/@" + FakeMastodon.USERNAME + "/" + id);
    s.put("replies_count", 0);
    s.put("reblogs_count", 0);
    s.put("favourites_count", 0);
    s.put("edited_at", null);
    s.put("favourited", false);
    s.put("reblogged", false);
    s.put("muted", false);
    s.put("bookmarked", false);
    s.put("pinned", false);
    s.put("content", MastodonText.html(text, FakeMastodon.DOMAIN, FakeMastodon.USERNAME));
    s.put("filtered", List.of());
    s.put("reblog", null);
    s.put("application", Map.of("name", "Paperboy", "website", "https://paperboy.example"));
    s.put("account", account(0));
    s.put("media_attachments", media);
    s.put("mentions", List.of());
    List<Map<String, Object>> tags = new ArrayList<>();
    for (String tag : MastodonText.hashtags(text)) {
      tags.add(Map.of("name", tag, "url", WEB + "/tags/" + tag));
    }
    s.put("tags", tags);
    s.put("emojis", List.of());
    s.put("card", null);
    s.put("poll", null);
    return s;
  }

  /** A media attachment; {@code url} and {@code preview_url} are null until it is processed. */
  static Map<String, Object> media(
      String id, String contentType, String description, boolean processed) {
    String type =
        contentType.startsWith("image/gif")
            ? "gifv"
            : contentType.substring(0, Math.max(0, contentType.indexOf('/')));
    String file = WEB + "/system/media_attachments/files/" + id;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("type", List.of("image", "gifv", "video", "audio").contains(type) ? type : "unknown");
    m.put("url", processed ? file + "/original/file" : null);
    m.put("preview_url", processed ? file + "/small/file" : null);
    m.put("remote_url", null);
    m.put("preview_remote_url", null);
    m.put("text_url", null);
    m.put("meta", Map.of());
    m.put("description", description);
    m.put("blurhash", null);
    return m;
  }

  static Map<String, Object> instance(MastodonSettings settings) {
    Map<String, Object> statuses = new LinkedHashMap<>();
    statuses.put("max_characters", settings.maxCharacters);
    statuses.put("max_media_attachments", 4);
    statuses.put("characters_reserved_per_url", settings.charactersReservedPerUrl);
    Map<String, Object> media = new LinkedHashMap<>();
    media.put("description_limit", settings.descriptionLimit);
    media.put("image_matrix_limit", 33_177_600);
    media.put("image_size_limit", settings.imageSizeLimit);
    media.put("supported_mime_types", settings.supportedMimeTypes);
    media.put("video_frame_rate_limit", 120);
    media.put("video_matrix_limit", 8_294_400);
    media.put("video_size_limit", settings.videoSizeLimit);
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put(
        "urls", Map.of("streaming", "wss://" + FakeMastodon.DOMAIN, "about", WEB + "/about"));
    configuration.put(
        "vapid",
        Map.of(
            "public_key",
            "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M="));
    configuration.put("accounts", Map.of("max_featured_tags", 10, "max_pinned_statuses", 5));
    configuration.put("statuses", statuses);
    configuration.put("media_attachments", media);
    configuration.put(
        "polls",
        Map.of(
            "max_options", 4,
            "max_characters_per_option", 50,
            "min_expiration", 300,
            "max_expiration", 2_629_746));
    configuration.put("translation", Map.of("enabled", false));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("domain", FakeMastodon.DOMAIN);
    doc.put("title", "Social Example");
    doc.put("version", "4.4.3");
    doc.put("source_url", "https://github.com/mastodon/mastodon");
    doc.put("description", "A Mastodon server for Paperboy's tests.");
    doc.put("usage", Map.of("users", Map.of("active_month", 1)));
    doc.put("thumbnail", Map.of("url", WEB + "/packs/media/images/preview.png"));
    doc.put("languages", List.of("en"));
    doc.put("configuration", configuration);
    doc.put(
        "registrations",
        Map.of("enabled", false, "approval_required", false, "reason_required", false));
    doc.put("api_versions", Map.of("mastodon", 6));
    doc.put("contact", Map.of("email", "admin@" + FakeMastodon.DOMAIN));
    doc.put("rules", List.of());
    return doc;
  }
}

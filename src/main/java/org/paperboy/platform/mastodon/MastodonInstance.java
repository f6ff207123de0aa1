package org.paperboy.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Mastodon instance allows, read from {@code GET /api/v2/instance} when the service starts
 * (its composer measures with them as it is built) and again daily: its longest post and what a
 * link counts (instances change both), and its limits on pictures. When the instance cannot be
 * read, Mastodon's defaults stand (or what was read last), with one log line, and it is asked again
 * within the hour. Thread-safe.
 */
public final class MastodonInstance {

  private static final Logger log = LoggerFactory.getLogger(MastodonInstance.class);
  private static final Duration READ_AGAIN = Duration.ofDays(1);
  // An instance that could not be read may allow less than the defaults (a post composed for 500
  // is refused for good by an instance of 300): it is asked again soon, not a day later.
  private static final Duration TRY_AGAIN = Duration.ofMinutes(15);

  /**
   * An instance's limits.
   *
   * @param maxCharacters the longest post, by Mastodon's count
   * @param urlLength what each link counts, whatever its length
   * @param imageSizeLimit the largest picture, in bytes
   * @param descriptionLimit the longest alt text, in characters
   * @param mimeTypes the picture types it takes
   */
  public record Limits(
      int maxCharacters,
      int urlLength,
      long imageSizeLimit,
      int descriptionLimit,
      Set<String> mimeTypes) {

    public Limits {
      mimeTypes = Set.copyOf(mimeTypes);
    }
  }

  /** Mastodon 4's own defaults (config/initializers and the instance serializer). */
  static final Limits DEFAULTS =
      new Limits(
          500, 23, 10_485_760, 1_500, Set.of("image/jpeg", "image/png", "image/gif", "image/webp"));

  private final URI endpoint;
  private final PlatformHttp http;
  private final Clock clock;
  private Limits limits;
  private Instant nextRead;

  public MastodonInstance(URI instanceUrl, PlatformHttp http, Clock clock) {
    this.endpoint = URI.create(instanceUrl.toString().replaceAll("/+$", "") + "/api/v2/instance");
    this.http = http;
    this.clock = clock;
  }

  /** The instance's limits, read again when a day old (a quarter of an hour after a failure). */
  public synchronized Limits limits() {
    Instant now = clock.instant();
    if (limits == null || !now.isBefore(nextRead)) {
      Limits fallback = limits == null ? DEFAULTS : limits;
      Optional<Limits> read = read(fallback);
      limits = read.orElse(fallback);
      nextRead = now.plus(read.isPresent() ? READ_AGAIN : TRY_AGAIN);
    }
    return limits;
  }

  /** The instance's limits, or empty when it cannot be read. */
  private Optional<Limits> read(Limits fallback) {
    PlatformHttp.Answer answer;
    try {
      answer = http.send(HttpRequest.newBuilder(endpoint).GET(), endpoint);
    } catch (PublishException e) {
      log.warn("{}; its limits are taken as {}", e.getMessage(), fallback);
      return Optional.empty();
    }
    if (!answer.ok()) {
      log.warn(
          "{}: {} answered {}; its limits are taken as {}",
          http.who(),
          endpoint,
          answer.status(),
          fallback);
      return Optional.empty();
    }
    JsonNode configuration = answer.json().path("configuration");
    JsonNode statuses = configuration.path("statuses");
    JsonNode media = configuration.path("media_attachments");
    Set<String> types = new LinkedHashSet<>();
    media.path("supported_mime_types").forEach(type -> types.add(type.asText()));
    return Optional.of(
        new Limits(
            statuses.path("max_characters").asInt(fallback.maxCharacters()),
            statuses.path("characters_reserved_per_url").asInt(fallback.urlLength()),
            media.path("image_size_limit").asLong(fallback.imageSizeLimit()),
            media.path("description_limit").asInt(fallback.descriptionLimit()),
            types.isEmpty() ? fallback.mimeTypes() : types));
  }
}

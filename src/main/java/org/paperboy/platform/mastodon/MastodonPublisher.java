package org.paperboy.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.paperboy.model.PictureRules;
import org.paperboy.model.PostRef;
import org.paperboy.model.SendFailure;
import org.paperboy.publish.Message;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;
import org.paperboy.publish.Publisher;

/**
 * Posts to a Mastodon account with {@code POST /api/v1/statuses}, each post with its own {@code
 * Idempotency-Key} (the instance keeps one for an hour after a successful post, and answers a
 * repeat with the status it made), and looks a post up among the account's own ({@code
 * verify_credentials}, then {@code accounts/:id/statuses}): a status's content is HTML, so it is
 * matched by what it shows of the post's link and opening (its title, as the post carries it), a
 * reply by the post it answers. Exactly once is Paperboy's: a post whose answer never came is sent
 * again with its key only while the instance surely keeps it; later, when the instance has
 * forgotten the key and would post again, it is looked up first. Thread-safe.
 */
public final class MastodonPublisher implements Publisher {

  // Mastodon pages a timeline 40 statuses at most; a post unanswered a day ago is a few pages in.
  private static final int PAGE = 40;
  private static final int MOST_PAGES = 5;
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);
  // PostStatusService keeps a key for 3,600 s from the status's creation, at or after the first
  // claim; a repeat is made well within that, whatever the clocks of a cluster's nodes say.
  private static final Duration KEY_SURELY_KEPT = Duration.ofMinutes(45);
  // The opening a status must show: the title, or as much of it as the post carries.
  private static final int OPENING = 60;
  // A gateway's answer that the instance was asked and did not answer (nginx's 502 and 504,
  // Cloudflare's 520 and 524): the status may have been made all the same.
  private static final Set<Integer> GATEWAY_GAVE_UP = Set.of(502, 504, 520, 524);

  private final String base;
  private final String visibility;
  private final String language;
  private final PlatformHttp http;
  private final MastodonApi api;
  private final MastodonInstance instance;
  private final MastodonMedia media;
  private final AtomicReference<String> accountId = new AtomicReference<>();

  /**
   * @param instance the instance's limits, pictures' among them
   * @param language the posts' language, ISO 639-1, or {@code null}
   * @param http the account's HTTP, naming it in messages
   */
  public MastodonPublisher(
      URI instanceUrl,
      MastodonInstance instance,
      String accessToken,
      String visibility,
      String language,
      PlatformHttp http) {
    this.base = instanceUrl.toString().replaceAll("/+$", "");
    this.visibility = visibility;
    this.language = language;
    this.http = http;
    this.instance = instance;
    this.api = new MastodonApi(accessToken, http);
    this.media = new MastodonMedia(base, api, http);
  }

  /** The instance's own limits: its largest picture, its types, its longest description. */
  @Override
  public PictureRules pictureRules() {
    MastodonInstance.Limits limits = instance.limits();
    Set<String> types = new HashSet<>(limits.mimeTypes());
    types.retainAll(PictureRules.COMMON_TYPES);
    return new PictureRules(limits.imageSizeLimit(), types, limits.descriptionLimit());
  }

  @Override
  public PostRef publish(Message message) throws PublishException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", message.text());
    body.put("visibility", visibility);
    if (language != null) {
      body.put("language", language);
    }
    if (message.inReplyTo() != null) {
      body.put("in_reply_to_id", message.inReplyTo());
    }
    if (message.picture() != null) {
      media.upload(message).ifPresent(id -> body.put("media_ids", List.of(id)));
    }
    URI uri = URI.create(base + "/api/v1/statuses");
    PlatformHttp.Answer answer =
        http.send(
            api.authorised(uri)
                .header("Content-Type", "application/json")
                // The same key on every attempt: a repeat within the hour gets the status made.
                .header("Idempotency-Key", message.key())
                .POST(PlatformHttp.jsonBody(body)),
            uri);
    if (GATEWAY_GAVE_UP.contains(answer.status())) {
      throw new PublishException(
          SendFailure.NO_ANSWER,
          http.who()
              + ": Mastodon's gateway answered "
              + answer.status()
              + " after the post was sent; it may exist",
          null);
    }
    JsonNode status = api.answer(answer);
    String id = status.path("id").asText("");
    if (id.isEmpty()) {
      throw new PublishException(
          SendFailure.NO_ANSWER, http.who() + ": Mastodon answered without the status's id", null);
    }
    return new PostRef(id, status.path("url").asText(null));
  }

  /** Within the hour the instance keeps the key: a repeat is answered with the status made. */
  @Override
  public boolean answersRepeats(Instant firstSent, Instant now) {
    return now.isBefore(firstSent.plus(KEY_SURELY_KEPT));
  }

  @Override
  public Optional<PostRef> find(Message message, Instant since) throws PublishException {
    String account = accountId();
    Instant from = since.minus(CLOCK_SLACK);
    String maxId = null;
    for (int page = 0; page < MOST_PAGES; page++) {
      URI uri =
          URI.create(
              base
                  + "/api/v1/accounts/"
                  + account
                  + "/statuses?limit="
                  + PAGE
                  + "&exclude_reblogs=true"
                  + (maxId == null ? "" : "&max_id=" + maxId));
      JsonNode statuses = api.answer(http.send(api.authorised(uri).GET(), uri));
      if (!statuses.isArray() || statuses.isEmpty()) {
        return Optional.empty();
      }
      for (JsonNode status : statuses) {
        // Newest first: past the first send, nothing further down can be this post.
        if (createdAt(status).isBefore(from)) {
          return Optional.empty();
        }
        if (matches(message, status)) {
          return Optional.of(
              new PostRef(status.path("id").asText(), status.path("url").asText(null)));
        }
        maxId = status.path("id").asText();
      }
    }
    return Optional.empty();
  }

  /**
   * A reply is the one status that answers the post it replies to. A post is the one that shows its
   * link (when its text carries it) and its opening: the title as the post carries it, which may
   * differ from the paper's (a word made a hashtag, an @ defused, the title cut to fit).
   */
  private static boolean matches(Message message, JsonNode status) {
    if (message.inReplyTo() != null) {
      return message.inReplyTo().equals(status.path("in_reply_to_id").asText(null));
    }
    String shown =
        MastodonContent.comparable(MastodonContent.text(status.path("content").asText("")));
    String sent = MastodonContent.comparable(message.text());
    String opening = sent.substring(0, Math.min(sent.length(), OPENING));
    String link = MastodonContent.comparable(message.subject().link());
    boolean linked = !link.isEmpty() && sent.contains(link);
    return (!linked || showsLink(shown, sent, link)) && shown.contains(opening);
  }

  /**
   * Whether {@code shown} holds {@code link} as {@code sent} does, followed by the same character
   * or by nothing: {@code https://doi.org/10.1/x1} is not {@code https://doi.org/10.1/x12}.
   */
  private static boolean showsLink(String shown, String sent, String link) {
    int after = sent.indexOf(link) + link.length();
    if (after < sent.length()) {
      return shown.contains(link + sent.charAt(after));
    }
    return shown.endsWith(link) || shown.contains(link + " ");
  }

  private static Instant createdAt(JsonNode status) {
    try {
      return OffsetDateTime.parse(status.path("created_at").asText()).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.MAX;
    }
  }

  /** The account's id, asked of the instance once. */
  private String accountId() throws PublishException {
    String known = accountId.get();
    if (known != null) {
      return known;
    }
    URI uri = URI.create(base + "/api/v1/accounts/verify_credentials");
    String id = api.answer(http.send(api.authorised(uri).GET(), uri)).path("id").asText("");
    if (id.isEmpty()) {
      throw new PublishException(
          SendFailure.TRANSIENT, http.who() + ": verify_credentials gave no account id", null);
    }
    accountId.set(id);
    return id;
  }
}

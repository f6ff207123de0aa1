package org.paperboy.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.paperboy.model.PictureRules;
import org.paperboy.model.PostRef;
import org.paperboy.model.SendFailure;
import org.paperboy.model.Session;
import org.paperboy.model.SessionStore;
import org.paperboy.publish.Message;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;
import org.paperboy.publish.Publisher;

/**
 * Posts to a Bluesky account with {@code com.atproto.repo.createRecord}, each post at the record
 * key chosen when it was queued, so that a resend is the same record; and looks a post up with
 * {@code com.atproto.repo.getRecord} at that key. A PDS answers a second create at an existing key
 * with a bare 500, so a 500 is never taken for an answer: the post may be there, and is looked up.
 * Thread-safe.
 */
public final class BlueskyPublisher implements Publisher {

  // A token refused as expired is renewed; the pair renewing takes from the database (another
  // node's) may have expired as well, and is then refreshed: two renewals at most.
  private static final int RENEWALS = 2;

  private final String base;
  private final String language;
  private final BlueskySession session;
  private final BlueskyThumb thumbs;
  private final PlatformHttp http;

  /**
   * @param sessions where the account's session is kept between requests and restarts
   * @param language the posts' language, or {@code null}
   */
  public BlueskyPublisher(
      String accountId,
      URI serviceUrl,
      String identifier,
      String appPassword,
      String language,
      SessionStore sessions,
      PlatformHttp http) {
    this.base = serviceUrl.toString().replaceAll("/+$", "");
    this.language = language;
    this.http = http;
    this.session =
        new BlueskySession(accountId, serviceUrl, identifier, appPassword, sessions, http);
    this.thumbs = new BlueskyThumb(base, session, http);
  }

  /** A card's thumb: up to 1,000,000 bytes, its title as its description. */
  @Override
  public PictureRules pictureRules() {
    return BlueskyThumb.RULES;
  }

  @Override
  public PostRef publish(Message message) throws PublishException {
    BlueskyRef reply = message.inReplyTo() == null ? null : BlueskyRef.parse(message.inReplyTo());
    Map<String, Object> thumb =
        message.picture() == null ? null : thumbs.upload(message).orElse(null);
    URI uri = URI.create(base + "/xrpc/com.atproto.repo.createRecord");
    Session current = session.current();
    PlatformHttp.Answer answer = create(uri, current, message, reply, thumb);
    for (int renewed = 0; renewed < RENEWALS && BlueskyErrors.expired(answer); renewed++) {
      current = session.renew(current);
      answer = create(uri, current, message, reply, thumb);
    }
    if (answer.ok()) {
      return new BlueskyRef(answer.json().path("uri").asText(), answer.json().path("cid").asText())
          .ref();
    }
    if (answer.status() >= 500) {
      throw new PublishException(
          SendFailure.NO_ANSWER,
          http.who()
              + ": Bluesky answered "
              + answer.status()
              + " creating the post, which a PDS answers when the record is there already",
          null);
    }
    throw BlueskyErrors.of(http.who(), answer, "creating the post");
  }

  private PlatformHttp.Answer create(
      URI uri, Session current, Message message, BlueskyRef reply, Map<String, Object> thumb)
      throws PublishException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("repo", current.did());
    body.put("collection", BlueskyRecord.COLLECTION);
    body.put("rkey", message.key());
    body.put("record", BlueskyRecord.of(message, language, reply, thumb));
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + current.accessJwt())
            .header("Content-Type", "application/json")
            .POST(PlatformHttp.jsonBody(body)),
        uri);
  }

  /** The record at the post's key, if the account has it. */
  @Override
  public Optional<PostRef> find(Message message, Instant since) throws PublishException {
    Session current = session.current();
    PlatformHttp.Answer answer = get(current, message);
    for (int renewed = 0; renewed < RENEWALS && BlueskyErrors.expired(answer); renewed++) {
      current = session.renew(current);
      answer = get(current, message);
    }
    if (answer.ok()) {
      JsonNode record = answer.json();
      return Optional.of(
          new BlueskyRef(record.path("uri").asText(), record.path("cid").asText()).ref());
    }
    if (answer.status() == 400 && "RecordNotFound".equals(answer.json().path("error").asText())) {
      return Optional.empty();
    }
    throw BlueskyErrors.of(http.who(), answer, "looking the post up");
  }

  private PlatformHttp.Answer get(Session current, Message message) throws PublishException {
    URI uri =
        URI.create(
            base
                + "/xrpc/com.atproto.repo.getRecord?repo="
                + encode(current.did())
                + "&collection="
                + BlueskyRecord.COLLECTION
                + "&rkey="
                + encode(message.key()));
    return http.send(
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + current.accessJwt()).GET(),
        uri);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

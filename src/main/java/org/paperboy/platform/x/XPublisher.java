package org.paperboy.platform.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.paperboy.model.PictureRules;
import org.paperboy.model.PostRef;
import org.paperboy.model.SendFailure;
import org.paperboy.publish.Message;
import org.paperboy.publish.PublishException;
import org.paperboy.publish.Publisher;

/**
 * Posts to X with {@code POST /2/tweets} (twitter4j's own call is the retired v1.1 {@code
 * statuses/update}, which X refuses with 403 code 453), and looks a post up among the account's own
 * ({@code GET /2/users/me}, then {@code GET /2/users/:id/tweets}), both signed by {@link
 * OAuthSigner}. Thread-safe.
 */
public final class XPublisher implements Publisher {

  // X keeps 100 posts a page; a post unanswered a day ago is still within a few pages.
  private static final int PAGE = 100;
  private static final int MOST_PAGES = 5;
  // X's clock and ours may differ by a little; a post sent at "since" is looked for from before.
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);
  // A post's public address: X redirects it to the account's own path.
  private static final String STATUS = "https://x.com/i/web/status/";

  private final XClient client;
  private final XPostMatch match = new XPostMatch();
  private final XMedia media;
  private final AtomicReference<String> userId = new AtomicReference<>();

  /**
   * @param apiBaseUrl the API's base URL, {@code https://api.x.com} in production
   * @param timeout the longest wait for an answer once connected
   * @param remaining told X's {@code x-rate-limit-remaining} after each answer that has it
   */
  public XPublisher(
      String accountId,
      URI apiBaseUrl,
      OAuthSigner signer,
      Duration timeout,
      LongConsumer remaining) {
    this.client = new XClient(accountId, apiBaseUrl, signer, timeout, remaining);
    this.media = new XMedia(client);
  }

  /** X takes JPEG, PNG, GIF and WebP up to 5 MB, and alt text up to 1,000 characters. */
  @Override
  public PictureRules pictureRules() {
    return XMedia.RULES;
  }

  @Override
  public PostRef publish(Message message) throws PublishException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", message.text());
    if (message.inReplyTo() != null) {
      body.put("reply", Map.of("in_reply_to_tweet_id", message.inReplyTo()));
    }
    boolean pictureDropped = false;
    if (message.picture() != null) {
      Optional<String> mediaId = media.upload(message);
      mediaId.ifPresent(id -> body.put("media", Map.of("media_ids", List.of(id))));
      pictureDropped = mediaId.isEmpty();
    }
    String id = client.post("/2/tweets", body).path("data").path("id").asText("");
    if (id.isEmpty()) {
      throw new PublishException(
          SendFailure.NO_ANSWER,
          "account " + message.accountId() + ": X accepted a post without giving its id",
          null);
    }
    return new PostRef(id, STATUS + id, pictureDropped);
  }

  /**
   * Reads the account's posts since {@code since}, newest first, a page at a time, and compares
   * each as X keeps it (see {@link XPostMatch}).
   */
  @Override
  public Optional<PostRef> find(Message message, Instant since) throws PublishException {
    String user = userId();
    String token = null;
    for (int page = 0; page < MOST_PAGES; page++) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("max_results", Integer.toString(PAGE));
      query.put("tweet.fields", "entities,created_at");
      query.put("start_time", since.minus(CLOCK_SLACK).truncatedTo(ChronoUnit.SECONDS).toString());
      if (token != null) {
        query.put("pagination_token", token);
      }
      JsonNode answer = client.get("/2/users/" + user + "/tweets", query);
      for (JsonNode post : answer.path("data")) {
        if (match.matches(message.text(), post)) {
          String id = post.path("id").asText();
          return Optional.of(new PostRef(id, STATUS + id));
        }
      }
      token = answer.path("meta").path("next_token").asText(null);
      if (token == null) {
        break;
      }
    }
    return Optional.empty();
  }

  /** The account's user id, asked of X once. */
  private String userId() throws PublishException {
    String known = userId.get();
    if (known != null) {
      return known;
    }
    String id = client.get("/2/users/me", Map.of()).path("data").path("id").asText("");
    if (id.isEmpty()) {
      throw new PublishException(
          SendFailure.TRANSIENT, "X answered /2/users/me without the account's id", null);
    }
    userId.set(id);
    return id;
  }
}

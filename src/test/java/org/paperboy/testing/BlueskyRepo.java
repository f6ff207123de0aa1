package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.testing.FakeHttp.Refusal;
import org.paperboy.testing.FakeHttp.Reply;

/**
 * The account's repository of posts: {@code com.atproto.repo.createRecord} as
 * api/com/atproto/repo/createRecord.ts and repo/prepare.ts take one, and {@code
 * com.atproto.repo.getRecord}. A create costs 3 of the 5,000 points an hour of the {@code
 * repo-write-hour} limit (rate-limits.ts), which every answer reports. A second create at an rkey
 * that exists fails with a bare 500, as a PDS's record index refuses it. Thread-safe.
 */
final class BlueskyRepo {

  private static final Duration HOUR = Duration.ofHours(1);

  private final Clock clock;
  private final String did;
  private final String handle;
  private final BlueskyBlobs blobs;
  private final Misbehaviour misbehaviour;
  private final int clockId = new SecureRandom().nextInt(1024);
  private final Map<String, FakeBluesky.Created> posts = new LinkedHashMap<>();
  private final RateWindow writes = new RateWindow(5_000, HOUR);
  private long lastTid;
  private volatile boolean strict = true;

  BlueskyRepo(
      Clock clock, String did, String handle, BlueskyBlobs blobs, Misbehaviour misbehaviour) {
    this.clock = clock;
    this.did = did;
    this.handle = handle;
    this.blobs = blobs;
    this.misbehaviour = misbehaviour;
  }

  void checkOnlyWhatThePdsChecks() {
    strict = false;
  }

  /** Takes one {@code createRecord} from the account and answers it, or misbehaves as asked. */
  void create(HttpExchange exchange, JsonNode body) throws IOException {
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
        int status = misbehaviour.failStatus();
        FakeHttp.json(exchange, new Reply(status, Xrpc.failure(status)));
        return;
      case LIMITED:
        Instant now = clock.instant();
        Map<String, String> headers =
            RateWindow.headers(5_000, 0, misbehaviour.limitedUntil(), HOUR, now, true);
        FakeHttp.json(exchange, new Reply(429, Xrpc.failure(429), headers));
        return;
      case USUAL:
        break;
    }
    Reply reply;
    boolean drop = false;
    synchronized (this) {
      Instant now = clock.instant();
      writes.consume(now, 3);
      Map<String, String> limits = writes.headers(now, false);
      try {
        FakeBluesky.Created created = create(body, now);
        drop = misbehaviour.created();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("uri", created.uri());
        answer.put("cid", created.cid());
        String rev = tid(now);
        answer.put(
            "commit",
            Map.of(
                "cid",
                AtprotoSyntax.cid(
                    AtprotoSyntax.DAG_CBOR, (rev + created.cid()).getBytes(StandardCharsets.UTF_8)),
                "rev",
                rev));
        answer.put("validationStatus", "valid");
        reply = new Reply(200, answer, limits);
      } catch (Refusal refusal) {
        reply = new Reply(refusal.reply.status(), refusal.reply.body(), limits);
      }
    }
    FakeHttp.pause(turn.delay());
    if (!drop) {
      FakeHttp.json(exchange, reply);
    }
  }

  /** {@code getRecord}: the post at {@code repo}, {@code collection}, {@code rkey}. */
  synchronized Reply get(Map<String, List<String>> query) throws Refusal {
    for (String param : List.of("repo", "collection", "rkey")) {
      if (FakeHttp.first(query, param) == null) {
        throw Xrpc.invalid("Missing required key \"" + param + "\" at $");
      }
    }
    String repo = FakeHttp.first(query, "repo");
    if (!repo.equals(did) && !repo.equalsIgnoreCase(handle)) {
      // Not on this PDS, and no AppView behind it to ask.
      throw Xrpc.invalid("Could not locate record");
    }
    String uri =
        "at://"
            + did
            + "/"
            + FakeHttp.first(query, "collection")
            + "/"
            + FakeHttp.first(query, "rkey");
    FakeBluesky.Created post = posts.get(uri);
    String cid = FakeHttp.first(query, "cid");
    if (post == null || (cid != null && !cid.equals(post.cid()))) {
      throw Xrpc.refusal(400, "RecordNotFound", "Could not locate record: " + uri);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("uri", uri);
    answer.put("cid", post.cid());
    answer.put("value", stored(post.record()));
    return new Reply(200, answer);
  }

  synchronized FakeBluesky.Created find(String uri) {
    return posts.get(uri);
  }

  synchronized List<FakeBluesky.Created> posts() {
    return List.copyOf(posts.values());
  }

  private FakeBluesky.Created create(JsonNode body, Instant now) throws Refusal {
    if (body == null || !body.isObject()) {
      throw Xrpc.invalid("Expected object value type (got " + body + ") at $");
    }
    for (String key : List.of("repo", "collection", "record")) {
      if (!body.has(key)) {
        throw Xrpc.invalid("Missing required key \"" + key + "\" at $");
      }
    }
    String repo = body.get("repo").asText();
    if (!repo.equals(did) && !repo.equalsIgnoreCase(handle)) {
      throw Xrpc.refusal(403, "AccountNotFound", "Account not found");
    }
    String collection = body.get("collection").asText();
    if (!collection.equals(BlueskyPostCheck.POST)) {
      throw Xrpc.invalid(
          "FakeBluesky holds only " + BlueskyPostCheck.POST + " records, not " + collection);
    }
    JsonNode record = body.get("record");
    String type = record.path("$type").asText(null);
    if (type != null && !type.equals(collection)) {
      throw Xrpc.invalid("Invalid $type: expected " + collection + ", got " + type);
    }
    String rkey = body.path("rkey").asText(null);
    if (rkey != null && !AtprotoSyntax.isRecordKey(rkey)) {
      throw Xrpc.invalid("Invalid record key: " + rkey);
    }
    boolean validate = !body.path("validate").isBoolean() || body.get("validate").asBoolean();
    if (validate) {
      if (rkey != null && !AtprotoSyntax.isTid(rkey)) {
        throw Xrpc.invalid(
            "Invalid record key for "
                + collection
                + ": Invalid TID string (got \""
                + rkey
                + "\") at $");
      }
      BlueskyPostCheck.check(stored(record));
      if (strict) {
        BlueskyStrictCheck.check(record, did, handle, this::find);
      }
    }
    blobs.verify(record);
    String key = rkey != null ? rkey : tid(now);
    String uri = "at://" + did + "/" + collection + "/" + key;
    if (posts.containsKey(uri)) {
      throw Xrpc.refusal(500, "InternalServerError", "Internal Server Error");
    }
    String cid;
    try {
      cid =
          AtprotoSyntax.cid(
              AtprotoSyntax.DAG_CBOR, FakeHttp.JSON.writeValueAsBytes(stored(record)));
    } catch (IOException e) {
      throw new IllegalStateException("a parsed record is plain JSON", e);
    }
    FakeBluesky.Created created = new FakeBluesky.Created(key, uri, cid, record.deepCopy(), now);
    posts.put(uri, created);
    return created;
  }

  /** The record as a PDS keeps it: its {@code $type} filled in when the client left it out. */
  private static JsonNode stored(JsonNode record) {
    if (!record.isObject() || record.has("$type")) {
      return record;
    }
    ObjectNode typed = FakeHttp.JSON.createObjectNode().put("$type", BlueskyPostCheck.POST);
    typed.setAll((ObjectNode) record);
    return typed;
  }

  // TID.next(): never twice the same, always later than the last.
  private String tid(Instant now) {
    long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    lastTid = Math.max(lastTid + 1, micros);
    return AtprotoSyntax.tid(lastTid, clockId);
  }
}

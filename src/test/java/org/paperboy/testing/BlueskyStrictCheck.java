package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.paperboy.testing.FakeHttp.Refusal;

/**
 * What FakeBluesky refuses though a PDS stores it, because the post then shows wrong and nothing
 * tells the client: a facet whose byte range does not cover exactly its feature's text (a link's
 * URI or its visible, possibly shortened form; {@code #} and the tag; {@code @} and the handle), as
 * a client that counts characters instead of UTF-8 bytes before the facet produces; a reply whose
 * root or parent is not a post this account holds, with its cid, or whose root is not the parent's
 * root (the AppView marks such a post {@code invalidReplyRoot} and leaves it out of the thread:
 * packages/bsky, data-plane/server/util.ts); an embed whose {@code $type} is none of the post
 * lexicon's. {@link FakeBluesky#checkOnlyWhatThePdsChecks()} turns this off.
 */
final class BlueskyStrictCheck {

  private static final String REAL =
      " (FakeBluesky refuses this; a real PDS stores the post, which then shows wrong)";
  private static final Set<String> EMBEDS =
      Set.of(
          "app.bsky.embed.images",
          "app.bsky.embed.video",
          "app.bsky.embed.gallery",
          "app.bsky.embed.external",
          "app.bsky.embed.record",
          "app.bsky.embed.recordWithMedia");

  private BlueskyStrictCheck() {}

  /**
   * Checks {@code record} of the account {@code did} ({@code handle}); {@code posts} finds a post
   * this account holds by its {@code at://} URI, or null.
   */
  static void check(
      JsonNode record, String did, String handle, Function<String, FakeBluesky.Created> posts)
      throws Refusal {
    byte[] text = record.get("text").asText().getBytes(StandardCharsets.UTF_8);
    JsonNode facets = record.path("facets");
    for (int i = 0; i < facets.size(); i++) {
      facet(facets.get(i), text, "$.record.facets[" + i + "]", did, handle);
    }
    if (record.has("reply")) {
      reply(record.get("reply"), did, handle, posts);
    }
    String embed = record.path("embed").path("$type").asText(null);
    if (embed != null && !EMBEDS.contains(embed)) {
      throw refuse(
          "embed $type " + embed + " is none of the post lexicon's embeds at $.record.embed");
    }
  }

  private static void facet(JsonNode facet, byte[] text, String at, String did, String handle)
      throws Refusal {
    int start = facet.get("index").get("byteStart").asInt();
    int end = facet.get("index").get("byteEnd").asInt();
    String range = "facet bytes " + start + ".." + end;
    if (start >= end) {
      throw refuse(range + " cover nothing at " + at + ".index");
    }
    if (end > text.length) {
      throw refuse(
          range + " end past the text's " + text.length + " UTF-8 bytes at " + at + ".index");
    }
    String covered;
    try {
      covered =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(text, start, end - start))
              .toString();
    } catch (CharacterCodingException e) {
      throw refuse(range + " cut a UTF-8 character in two at " + at + ".index");
    }
    JsonNode features = facet.get("features");
    for (int i = 0; i < features.size(); i++) {
      JsonNode feature = features.get(i);
      String there = at + ".features[" + i + "]";
      String problem =
          switch (feature.get("$type").asText()) {
            case "app.bsky.richtext.facet#link" ->
                shows(covered, feature.get("uri").asText())
                    ? null
                    : "its link " + feature.get("uri").asText();
            case "app.bsky.richtext.facet#tag" ->
                covered.equals("#" + feature.get("tag").asText())
                        || covered.equals("＃" + feature.get("tag").asText())
                    ? null
                    : "# and its tag " + feature.get("tag").asText();
            case "app.bsky.richtext.facet#mention" ->
                covered.startsWith("@")
                        && (!feature.get("did").asText().equals(did)
                            || covered.equalsIgnoreCase("@" + handle))
                    ? null
                    : "@ and the handle of " + feature.get("did").asText();
            default -> null;
          };
      if (problem != null) {
        throw refuse(range + " cover \"" + covered + "\", not " + problem + " at " + there);
      }
    }
  }

  /** Whether {@code visible} is {@code uri} as a client shows it: whole, or shortened with "…". */
  private static boolean shows(String visible, String uri) {
    String bare = uri.replaceFirst("^(?i)https?://", "");
    List<String> forms =
        List.of(uri, bare, bare.replaceFirst("^(?i)www\\.", ""), bare.replaceFirst("/$", ""));
    if (forms.contains(visible)) {
      return true;
    }
    for (String ellipsis : List.of("…", "...")) {
      if (visible.endsWith(ellipsis) && visible.length() > ellipsis.length()) {
        String stem = visible.substring(0, visible.length() - ellipsis.length());
        if (forms.stream().anyMatch(f -> f.startsWith(stem) && f.length() > stem.length())) {
          return true;
        }
      }
    }
    return false;
  }

  private static void reply(
      JsonNode reply, String did, String handle, Function<String, FakeBluesky.Created> posts)
      throws Refusal {
    FakeBluesky.Created root = held(reply.get("root"), "root", did, handle, posts);
    FakeBluesky.Created parent = held(reply.get("parent"), "parent", did, handle, posts);
    JsonNode parentReply = parent.record().path("reply");
    String parentRoot =
        parentReply.isMissingNode() ? parent.uri() : uri(parentReply.get("root"), did, handle);
    if (!parentRoot.equals(root.uri())) {
      throw refuse(
          "reply.root is "
              + root.uri()
              + " but the parent's thread starts at "
              + parentRoot
              + "; the AppView marks the post invalidReplyRoot at $.record.reply.root");
    }
  }

  private static FakeBluesky.Created held(
      JsonNode ref,
      String name,
      String did,
      String handle,
      Function<String, FakeBluesky.Created> posts)
      throws Refusal {
    FakeBluesky.Created post = posts.apply(uri(ref, did, handle));
    String at = "$.record.reply." + name;
    if (post == null) {
      throw refuse(
          "reply." + name + " " + ref.get("uri").asText() + " is no post of this account at " + at);
    }
    if (!post.cid().equals(ref.get("cid").asText())) {
      throw refuse(
          "reply."
              + name
              + " has cid "
              + ref.get("cid").asText()
              + " but the post's is "
              + post.cid()
              + " at "
              + at
              + ".cid");
    }
    return post;
  }

  // A strong ref may name the repo by handle; the fake keeps posts by DID.
  private static String uri(JsonNode ref, String did, String handle) {
    String uri = ref.get("uri").asText();
    String authority = "at://" + handle + "/";
    return uri.regionMatches(true, 0, authority, 0, authority.length())
        ? "at://" + did + "/" + uri.substring(authority.length())
        : uri;
  }

  private static Refusal refuse(String problem) {
    return Xrpc.invalid(BlueskyPostCheck.PREFIX + problem + REAL);
  }
}

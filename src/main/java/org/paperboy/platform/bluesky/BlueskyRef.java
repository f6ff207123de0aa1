package org.paperboy.platform.bluesky;

import java.util.Map;
import org.paperboy.model.PostRef;

/**
 * A Bluesky post as a reply names it: its record's {@code uri} and content id ({@code cid}). As a
 * {@link PostRef} id they are written together, a space between.
 *
 * @param uri the record's at:// URI
 * @param cid the record's content id
 */
record BlueskyRef(String uri, String cid) {

  static BlueskyRef parse(String id) {
    int space = id.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("a Bluesky post's id is its uri and cid: " + id);
    }
    return new BlueskyRef(id.substring(0, space), id.substring(space + 1));
  }

  /** As a reply's {@code root} or {@code parent}: a strong reference. */
  Map<String, Object> strong() {
    return BlueskyRecord.ordered("uri", uri, "cid", cid);
  }

  /** As a {@link PostRef}, with the post's address in the Bluesky app. */
  PostRef ref() {
    String[] parts = uri.substring("at://".length()).split("/");
    return new PostRef(
        uri + " " + cid, "https://bsky.app/profile/" + parts[0] + "/post/" + parts[2]);
  }
}

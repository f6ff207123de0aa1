package org.paperboy.operate;

import java.util.List;
import java.util.Objects;
import org.paperboy.model.Post;

/**
 * What polling a feed would do now, entry by entry, recorded nowhere.
 *
 * @param feedId the feed
 * @param error why it could not be fetched or read, or {@code null}
 * @param lines each entry's verdict for each of the feed's accounts, oldest entry first
 */
public record Preview(String feedId, String error, List<Preview.Line> lines) {

  /**
   * One entry's verdict for one account.
   *
   * @param accountId the account
   * @param guid the entry's identity in its feed
   * @param title its title
   * @param link its link, or {@code null}
   * @param posted whether it would be queued
   * @param reason why not, in the words of {@code preview --explain}; {@code null} when posted
   * @param posts the post and its reply, if any, as they would be queued
   * @param picture the picture the post would carry, as {@code preview} names it ("https://…
   *     (image/jpeg, 800x600); alt: …"), or {@code null}
   */
  public record Line(
      String accountId,
      String guid,
      String title,
      String link,
      boolean posted,
      String reason,
      List<Post> posts,
      String picture) {
    public Line {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(guid, "guid");
      posts = List.copyOf(posts);
    }
  }

  public Preview {
    Objects.requireNonNull(feedId, "feedId");
    lines = List.copyOf(lines);
  }
}

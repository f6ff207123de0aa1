package org.paperboy.store;

import java.time.Instant;
import java.util.Objects;
import org.paperboy.model.Paper;
import org.paperboy.model.PaperKey;
import org.paperboy.model.Picture;
import org.paperboy.model.Subject;
import org.paperboy.model.Tid;

/**
 * A feed entry to record, with the post to queue for it.
 *
 * @param key the paper as its account has it
 * @param feedId the feed that showed it
 * @param entryKey the entry's identity within its feed (its guid)
 * @param doi its DOI, or {@code null}
 * @param link its link, or {@code null}
 * @param title its title
 * @param date its publication date, or {@code null}; the outbox sends oldest first
 * @param postText the post to queue, or {@code null} to record the paper as seen only
 * @param replyText a reply to post under it, or {@code null}
 * @param held queue the post as awaiting approval rather than queued
 * @param source the paper the post was written from, kept to rewrite it; {@code null} when no post
 *     is queued
 * @param postKey the post's own key, chosen now, or {@code null} when no post is queued
 * @param subject what the post is about, or {@code null} when no post is queued
 * @param picture the picture the post carries, or {@code null}; the same object for each account of
 *     one entry, stored once
 * @param notPostedBecause why no post is queued (filtered, too old, beyond backfill), or {@code
 *     null} when one is
 */
public record NewPaper(
    PaperKey key,
    String feedId,
    String entryKey,
    String doi,
    String link,
    String title,
    Instant date,
    String postText,
    String replyText,
    boolean held,
    Paper source,
    Tid postKey,
    Subject subject,
    Picture picture,
    String notPostedBecause) {

  public NewPaper {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(feedId, "feedId");
    Objects.requireNonNull(entryKey, "entryKey");
    Objects.requireNonNull(title, "title");
  }
}

package org.paperboy.model;

import java.time.Instant;

/**
 * A post made.
 *
 * @param accountId the account it was made from
 * @param feedId the feed whose paper it announced
 * @param remoteId the platform's id, or {@code null} when it answered "duplicate"
 * @param text the text posted
 * @param postedAt when
 * @param part 0 for a post, 1 for a thread's reply
 * @param url its public address, or {@code null} when the platform gave none
 */
public record PostRecord(
    String accountId,
    String feedId,
    String remoteId,
    String text,
    Instant postedAt,
    int part,
    String url) {}

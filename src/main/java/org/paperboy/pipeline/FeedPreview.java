package org.paperboy.pipeline;

import java.util.List;

/**
 * What a poll of one feed would do now.
 *
 * @param feedId the feed
 * @param error why it could not be fetched or read, or {@code null}
 * @param verdicts each entry's verdict, oldest first
 */
public record FeedPreview(String feedId, String error, List<Verdict> verdicts) {

  public FeedPreview {
    verdicts = List.copyOf(verdicts);
  }
}

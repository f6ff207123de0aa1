package org.paperboy.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One feed to poll.
 *
 * @param id the feed's id in the config
 * @param url where to fetch it (http, https or an absolute file URI)
 * @param schedule when to poll it
 * @param accountId the account that posts its papers
 * @param hashtags hashtags for every post, each with its leading {@code #}
 * @param template the post's text with its placeholders
 * @param backfill how many of the newest entries a first poll queues
 */
public record FeedConfig(
    String id,
    URI url,
    Schedule schedule,
    String accountId,
    List<String> hashtags,
    String template,
    int backfill) {

  public FeedConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(template, "template");
    hashtags = List.copyOf(hashtags);
    if (backfill < 0) {
      throw new IllegalArgumentException("backfill < 0: " + backfill);
    }
  }
}

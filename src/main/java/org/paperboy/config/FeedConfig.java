package org.paperboy.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.paperboy.model.HashtagRule;
import org.paperboy.model.Notice;
import org.paperboy.model.Person;

/**
 * One feed to poll.
 *
 * @param id the feed's id in the config
 * @param url where to fetch it (http, https or an absolute file URI)
 * @param schedule when to poll it
 * @param accountIds the accounts that post its papers, each with its own queue
 * @param hashtags hashtags for every post, each with its leading {@code #}
 * @param template the post's text with its placeholders
 * @param backfill how many of the newest entries a first poll queues
 * @param hashtagRules hashtags added when a paper matches
 * @param maxHashtags the most hashtags a post carries
 * @param roster the people who asked to be credited
 * @param enrich fetch article pages for what the feed lacks
 * @param include patterns an entry must match one of, when not empty
 * @param exclude patterns that skip an entry
 * @param skip the notices skipped
 * @param maxAge how old an entry may be, or {@code null} for no limit
 * @param thread post the summary as a reply to a first post with the title and link
 * @param staleAfter how long without anything new before the feed is flagged
 * @param images attach each paper's picture, when it has one
 * @param imageAlt the template of a picture's alt text when its source gives none worth keeping
 */
public record FeedConfig(
    String id,
    URI url,
    Schedule schedule,
    List<String> accountIds,
    List<String> hashtags,
    String template,
    int backfill,
    List<HashtagRule> hashtagRules,
    int maxHashtags,
    List<Person> roster,
    boolean enrich,
    List<Pattern> include,
    List<Pattern> exclude,
    Set<Notice> skip,
    Duration maxAge,
    boolean thread,
    Duration staleAfter,
    boolean images,
    String imageAlt) {

  public FeedConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(schedule, "schedule");
    accountIds = List.copyOf(accountIds);
    if (accountIds.isEmpty()) {
      throw new IllegalArgumentException("feed " + id + " names no account");
    }
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(imageAlt, "imageAlt");
    hashtags = List.copyOf(hashtags);
    hashtagRules = List.copyOf(hashtagRules);
    roster = List.copyOf(roster);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    skip = Set.copyOf(skip);
    if (backfill < 0) {
      throw new IllegalArgumentException("backfill < 0: " + backfill);
    }
    if (maxHashtags < 0) {
      throw new IllegalArgumentException("max-hashtags < 0: " + maxHashtags);
    }
  }

  /** This feed's settings for another feed {@code id} at {@code url}: for trying a URL out. */
  public FeedConfig withUrl(String id, URI url) {
    return new FeedConfig(
        id,
        url,
        schedule,
        accountIds,
        hashtags,
        template,
        backfill,
        hashtagRules,
        maxHashtags,
        roster,
        enrich,
        include,
        exclude,
        skip,
        maxAge,
        thread,
        staleAfter,
        images,
        imageAlt);
  }
}

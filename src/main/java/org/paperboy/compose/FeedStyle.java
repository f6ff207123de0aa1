package org.paperboy.compose;

import java.util.List;
import java.util.Objects;
import org.paperboy.model.HashtagRule;
import org.paperboy.model.Person;

/**
 * How a feed's posts are written.
 *
 * @param template the post's template
 * @param hashtags hashtags for every post, each with its {@code #}
 * @param rules hashtags added when a paper matches
 * @param maxHashtags the most hashtags a post carries
 * @param roster the people who asked to be credited
 * @param thread post the summary as a reply to a first post with the title and link
 */
public record FeedStyle(
    Template template,
    List<String> hashtags,
    List<HashtagRule> rules,
    int maxHashtags,
    List<Person> roster,
    boolean thread) {

  public FeedStyle {
    Objects.requireNonNull(template, "template");
    hashtags = List.copyOf(hashtags);
    rules = List.copyOf(rules);
    roster = List.copyOf(roster);
    if (maxHashtags < 0) {
      throw new IllegalArgumentException("max-hashtags < 0: " + maxHashtags);
    }
  }

  /** A plain style: this template and hashtags, up to two of them, no rules, roster or thread. */
  public static FeedStyle of(Template template, List<String> hashtags) {
    return new FeedStyle(template, hashtags, List.of(), 2, List.<Person>of(), false);
  }
}

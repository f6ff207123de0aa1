package org.paperboy.compose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
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

  /**
   * A digest of everything that shapes the posts: equal for styles that write alike, whichever
   * process computes it, so that a stored one tells whether a feed's posts would come out different
   * now.
   */
  public String fingerprint() {
    StringBuilder text = new StringBuilder();
    text.append(template).append('\n').append(hashtags).append('\n');
    for (HashtagRule rule : rules) {
      text.append(rule.pattern().pattern())
          .append('/')
          .append(rule.pattern().flags())
          .append(' ')
          .append(new TreeSet<>(rule.fields()))
          .append(' ')
          .append(rule.tag())
          .append(' ')
          .append(rule.from())
          .append(' ')
          .append(rule.until())
          .append(' ')
          .append(rule.tagWordInText())
          .append('\n');
    }
    text.append(maxHashtags).append(' ').append(thread).append('\n');
    for (Person person : roster) {
      text.append(person.name())
          .append(' ')
          .append(person.orcid())
          .append(' ')
          .append(person.aliases())
          .append(' ')
          .append(new TreeMap<>(person.handles()))
          .append('\n');
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A plain style: this template and hashtags, up to two of them, no rules, roster or thread. */
  public static FeedStyle of(Template template, List<String> hashtags) {
    return new FeedStyle(template, hashtags, List.of(), 2, List.<Person>of(), false);
  }
}

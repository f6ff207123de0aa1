package org.paperboy;

import java.util.Optional;
import org.paperboy.config.AccountConfig;
import org.paperboy.model.TextRules;

/** Whether a maintainer's text fits an account's platform, by that platform's own count. */
final class Lengths {

  private Lengths() {}

  /**
   * Why {@code text} (and {@code replyText}, unless null) may not be posted from {@code account},
   * or empty when both fit.
   */
  static Optional<String> refusal(
      AccountConfig account, TextRules rules, String text, String replyText) {
    Optional<String> first = refusalOf(account, rules, "the post", text);
    return first.isPresent() || replyText == null
        ? first
        : refusalOf(account, rules, "its reply", replyText);
  }

  private static Optional<String> refusalOf(
      AccountConfig account, TextRules rules, String what, String text) {
    if (text == null || text.isBlank()) {
      return Optional.of(what + " is empty");
    }
    int length = rules.length(text);
    if (length > rules.limit()) {
      return Optional.of(
          what
              + " is "
              + length
              + " long and "
              + account.platform().judge()
              + " allows "
              + rules.limit()
              + " by its count");
    }
    return Optional.empty();
  }
}

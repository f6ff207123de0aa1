package org.paperboy.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an X account may spend, and what X bills: money is decimal, never floating point, so five
 * posts at 0.20 fit a budget of 1.00.
 *
 * @param perMonth the most to spend in a billing cycle
 * @param perPost the price of a post without a link
 * @param perPostWithLink the price of a post with a link
 * @param perMedia the price of setting a picture's alt text
 * @param cycleStartsOn the day of the month a cycle starts on, 1 to 28
 */
public record Budget(
    BigDecimal perMonth,
    BigDecimal perPost,
    BigDecimal perPostWithLink,
    BigDecimal perMedia,
    int cycleStartsOn) {

  public Budget {
    Objects.requireNonNull(perMonth, "perMonth");
    Objects.requireNonNull(perPost, "perPost");
    Objects.requireNonNull(perPostWithLink, "perPostWithLink");
    Objects.requireNonNull(perMedia, "perMedia");
    if (perMonth.signum() < 0 || perPost.signum() < 0 || perPostWithLink.signum() < 0) {
      throw new IllegalArgumentException("a budget or a price < 0");
    }
    if (cycleStartsOn < 1 || cycleStartsOn > 28) {
      throw new IllegalArgumentException("cycle-starts-on is 1 to 28: " + cycleStartsOn);
    }
  }
}

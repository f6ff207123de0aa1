package org.paperboy.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Budget;

/** What X bills, counted exactly, and the billing cycle a moment falls in. */
class SpendingTest {

  private static Spending spending(String perMonth, int cycleStartsOn) {
    return new Spending(
        new Budget(
            new BigDecimal(perMonth),
            new BigDecimal("0.015"),
            new BigDecimal("0.20"),
            new BigDecimal("0.005"),
            cycleStartsOn));
  }

  @Test
  void fivePostsAtTwentyCentsFitADollarExactlyAndASixthDoesNot() {
    Spending spending = spending("1.00", 1);
    BigDecimal spent = BigDecimal.ZERO;
    for (int post = 1; post <= 5; post++) {
      BigDecimal price = spending.price(true, 0);
      assertThat(spending.fits(spent, price)).as("post %d", post).isTrue();
      spent = spent.add(price);
    }

    assertThat(spending.fits(spent, spending.price(true, 0))).isFalse();
    assertThat(spending.fits(spent, BigDecimal.ZERO)).as("a free post still fits").isTrue();
  }

  @Test
  void aPostWithoutALinkCostsLessAndEachPicturesAltTextCostsMore() {
    Spending spending = spending("10", 1);

    assertThat(spending.price(false, 0)).isEqualByComparingTo("0.015");
    assertThat(spending.price(true, 0)).isEqualByComparingTo("0.20");
    assertThat(spending.price(true, 2)).isEqualByComparingTo("0.21");
    assertThat(spending.price(false, 1)).isEqualByComparingTo("0.020");
  }

  @Test
  void aCycleStartsAtMidnightUtcOnItsDayAndRunsAMonth() {
    Spending fifteenth = spending("10", 15);

    Instant before = Instant.parse("2026-03-14T23:59:59Z");
    assertThat(fifteenth.cycleStart(before)).isEqualTo(Instant.parse("2026-02-15T00:00:00Z"));
    assertThat(fifteenth.nextCycle(before)).isEqualTo(Instant.parse("2026-03-15T00:00:00Z"));

    Instant on = Instant.parse("2026-03-15T00:00:00Z");
    assertThat(fifteenth.cycleStart(on)).isEqualTo(on);
    assertThat(fifteenth.nextCycle(on)).isEqualTo(Instant.parse("2026-04-15T00:00:00Z"));

    Instant newYear = Instant.parse("2027-01-01T08:00:00Z");
    assertThat(spending("10", 1).cycleStart(newYear))
        .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(fifteenth.cycleStart(newYear)).isEqualTo(Instant.parse("2026-12-15T00:00:00Z"));
  }

  @Test
  void moneyIsWrittenAsDollarsWithCentsAndNoLessPrecisionThanItHas() {
    assertThat(Spending.dollars(new BigDecimal("1"))).isEqualTo("$1.00");
    assertThat(Spending.dollars(new BigDecimal("0.200"))).isEqualTo("$0.20");
    assertThat(Spending.dollars(new BigDecimal("0.015"))).isEqualTo("$0.015");
    assertThat(Spending.dollars(new BigDecimal("1E+1"))).isEqualTo("$10.00");
    assertThat(Spending.dollars(BigDecimal.ZERO)).isEqualTo("$0.00");
  }
}

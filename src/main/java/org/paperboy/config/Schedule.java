package org.paperboy.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** When a feed is polled: at a fixed interval, or by a Quartz cron expression. */
public sealed interface Schedule {

  /** Polls every {@code interval}, starting at once. */
  record Every(Duration interval) implements Schedule {
    public Every {
      Objects.requireNonNull(interval, "interval");
      if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("a schedule's interval < 1s: " + interval);
      }
    }

    @Override
    public String describe() {
      return "every " + interval.toString().substring(2).toLowerCase(Locale.ROOT);
    }
  }

  /** Polls when the Quartz cron expression fires. */
  record Cron(String expression) implements Schedule {
    public Cron {
      Objects.requireNonNull(expression, "expression");
    }

    @Override
    public String describe() {
      return "cron " + expression;
    }
  }

  /** A stable, human-readable form; two schedules with the same description are the same. */
  String describe();
}

package org.paperboy.config;

/**
 * Says whether a cron expression is one the scheduler can run. The scheduler owns the syntax (and
 * the config hands it over), so that config does not import the scheduler's library.
 */
@FunctionalInterface
public interface CronValidator {

  /** True when {@code expression} is a cron expression the scheduler accepts. */
  boolean isValid(String expression);
}

package org.paperboy.schedule;

import org.paperboy.config.CronValidator;
import org.quartz.CronExpression;

/** Quartz's cron syntax ("sec min hour day-of-month month day-of-week [year]"), for the config. */
public final class QuartzCron implements CronValidator {

  @Override
  public boolean isValid(String expression) {
    return CronExpression.isValidExpression(expression);
  }
}

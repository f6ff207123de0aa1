package org.paperboy.schedule;

import java.util.Date;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds Paperboy's jobs with their dependencies, since Quartz can only call no-arg ones. */
final class PaperboyJobFactory implements JobFactory {

  private final BiConsumer<List<String>, Date> poll;
  private final Consumer<String> dispatch;

  PaperboyJobFactory(BiConsumer<List<String>, Date> poll, Consumer<String> dispatch) {
    this.poll = poll;
    this.dispatch = dispatch;
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    if (type == PollFeedsJob.class) {
      return new PollFeedsJob(poll);
    }
    if (type == DispatchJob.class) {
      return new DispatchJob(dispatch);
    }
    throw new SchedulerException("not a Paperboy job: " + type.getName());
  }
}

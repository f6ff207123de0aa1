package org.paperboy.schedule;

import java.util.Date;
import java.util.List;
import java.util.function.BiConsumer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Polls the batch of feeds named in its job data. Never two polls of one batch at once. */
@DisallowConcurrentExecution
final class PollFeedsJob implements Job {

  static final String FEED_IDS = "feedIds";

  private final BiConsumer<List<String>, Date> poll;

  PollFeedsJob(BiConsumer<List<String>, Date> poll) {
    this.poll = poll;
  }

  @Override
  public void execute(JobExecutionContext context) {
    // Feed ids are [a-z0-9_-]: a comma cannot occur in one.
    poll.accept(
        List.of(context.getMergedJobDataMap().getString(FEED_IDS).split(",")),
        context.getNextFireTime());
  }
}

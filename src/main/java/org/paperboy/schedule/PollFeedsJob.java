package org.paperboy.schedule;

import java.util.List;
import java.util.function.Consumer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Polls the batch of feeds named in its job data. Never two polls of one batch at once. */
@DisallowConcurrentExecution
final class PollFeedsJob implements Job {

  static final String FEED_IDS = "feedIds";

  private final Consumer<List<String>> poll;

  PollFeedsJob(Consumer<List<String>> poll) {
    this.poll = poll;
  }

  @Override
  public void execute(JobExecutionContext context) {
    // Feed ids are [a-z0-9_-]: a comma cannot occur in one.
    poll.accept(List.of(context.getMergedJobDataMap().getString(FEED_IDS).split(",")));
  }
}

package org.paperboy.schedule;

import java.util.function.Consumer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Polls the feed named in its job data. Never two polls of one feed at once. */
@DisallowConcurrentExecution
final class PollFeedJob implements Job {

  static final String FEED_ID = "feedId";

  private final Consumer<String> poll;

  PollFeedJob(Consumer<String> poll) {
    this.poll = poll;
  }

  @Override
  public void execute(JobExecutionContext context) {
    poll.accept(context.getMergedJobDataMap().getString(FEED_ID));
  }
}

package org.paperboy.schedule;

import java.util.function.Consumer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Sends the due posts of the account named in its job data. One dispatch per account at once. */
@DisallowConcurrentExecution
final class DispatchJob implements Job {

  static final String ACCOUNT_ID = "accountId";

  private final Consumer<String> dispatch;

  DispatchJob(Consumer<String> dispatch) {
    this.dispatch = dispatch;
  }

  @Override
  public void execute(JobExecutionContext context) {
    dispatch.accept(context.getMergedJobDataMap().getString(ACCOUNT_ID));
  }
}

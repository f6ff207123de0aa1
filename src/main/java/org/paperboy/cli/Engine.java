package org.paperboy.cli;

import java.util.List;
import org.paperboy.pipeline.DispatchReport;
import org.paperboy.pipeline.PollReport;

/** Paperboy assembled for one configuration. */
public interface Engine extends AutoCloseable {

  /** What one cycle did. */
  record Cycle(List<PollReport> polls, List<DispatchReport> dispatches) {
    public Cycle {
      polls = List.copyOf(polls);
      dispatches = List.copyOf(dispatches);
    }
  }

  /** Polls every feed, queues what is new, sends what pacing allows now. */
  Cycle once();

  /** Starts the scheduler: feeds poll and accounts post on their schedules until closed. */
  void start() throws Exception;

  /** Stops the scheduler (waiting for running jobs) and releases the database. */
  @Override
  void close();
}

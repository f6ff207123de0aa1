package org.paperboy.cli;

import java.util.List;
import org.paperboy.config.FeedConfig;
import org.paperboy.pipeline.DispatchReport;
import org.paperboy.pipeline.FeedPreview;
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

  /**
   * What polling {@code feeds} would post now, recording nothing.
   *
   * @param asIfPolledBefore judge every entry as a later poll would (for a URL no feed polls)
   */
  List<FeedPreview> preview(List<FeedConfig> feeds, boolean asIfPolledBefore);

  /** Starts the scheduler: feeds poll and accounts post on their schedules until closed. */
  void start() throws Exception;

  /** Stops the scheduler (waiting for running jobs) and releases the database. */
  @Override
  void close();
}

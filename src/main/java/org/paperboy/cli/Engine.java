package org.paperboy.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.PaperboyConfig;
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
   * @param feedsDone told how many feeds are done after each one
   */
  List<FeedPreview> preview(
      List<FeedConfig> feeds, boolean asIfPolledBefore, IntConsumer feedsDone);

  /**
   * Starts the scheduler: feeds poll and accounts post on their schedules until closed; and the
   * HTTP server for health and metrics, when the config has a port.
   */
  void start() throws Exception;

  /**
   * Puts a changed, valid config into effect without a restart: feeds added, removed or
   * rescheduled, new templates and hashtags for what is still to be queued.
   */
  void reload(PaperboyConfig config) throws Exception;

  /** The port health and metrics are served on, once started with one. */
  Optional<Integer> httpPort();

  /** Stops the scheduler (waiting for running jobs) and releases the database. */
  @Override
  void close();
}

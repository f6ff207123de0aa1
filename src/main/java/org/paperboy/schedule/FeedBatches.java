package org.paperboy.schedule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.config.FeedConfig;

/**
 * Feeds grouped into Quartz jobs: the feeds that share a schedule are spread over a fixed number of
 * batches, each one job and one trigger, so that a thousand feeds cost a few dozen firings a cycle
 * rather than a thousand, and the nodes of a cluster still share the batches. A feed's batch
 * depends only on its id and its schedule, so it stays put as other feeds come and go.
 */
public final class FeedBatches {

  static final int PER_SCHEDULE = 16;

  private FeedBatches() {}

  /** The name of the job, and of its trigger, that polls {@code feed}. */
  public static String jobName(FeedConfig feed) {
    return feed.schedule().describe() + " #" + Math.floorMod(feed.id().hashCode(), PER_SCHEDULE);
  }

  /** {@code feeds} by the name of the job that polls them, each batch in the order given. */
  static Map<String, List<FeedConfig>> of(Collection<FeedConfig> feeds) {
    Map<String, List<FeedConfig>> batches = new LinkedHashMap<>();
    for (FeedConfig feed : feeds) {
      batches.computeIfAbsent(jobName(feed), name -> new ArrayList<>()).add(feed);
    }
    return batches;
  }
}

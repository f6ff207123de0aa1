package org.paperboy;

import java.util.ArrayList;
import java.util.List;
import org.paperboy.cli.Engine;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.pipeline.DispatchReport;
import org.paperboy.pipeline.FeedPoller;
import org.paperboy.pipeline.FeedPreview;
import org.paperboy.pipeline.FeedPreviewer;
import org.paperboy.pipeline.PollReport;
import org.paperboy.pipeline.PostDispatcher;
import org.paperboy.schedule.PaperboyScheduler;
import org.paperboy.store.Database;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Paperboy assembled for one configuration: a cycle on demand, or the scheduled service. */
final class PaperboyEngine implements Engine {

  private static final Logger log = LoggerFactory.getLogger(PaperboyEngine.class);

  private final PaperboyConfig config;
  private final Database database;
  private final FeedPoller poller;
  private final PostDispatcher dispatcher;
  private final FeedPreviewer previewer;
  private PaperboyScheduler scheduler;

  PaperboyEngine(
      PaperboyConfig config,
      Database database,
      FeedPoller poller,
      PostDispatcher dispatcher,
      FeedPreviewer previewer) {
    this.config = config;
    this.database = database;
    this.poller = poller;
    this.dispatcher = dispatcher;
    this.previewer = previewer;
  }

  @Override
  public List<FeedPreview> preview(List<FeedConfig> feeds, boolean asIfPolledBefore) {
    return previewer.preview(feeds, asIfPolledBefore);
  }

  @Override
  public Cycle once() {
    List<PollReport> polls = poller.pollAll(config.feeds());
    List<DispatchReport> dispatches = new ArrayList<>();
    for (String accountId : config.accounts().keySet()) {
      dispatches.add(dispatcher.dispatch(accountId));
    }
    return new Cycle(polls, dispatches);
  }

  @Override
  public synchronized void start() throws SchedulerException {
    if (scheduler != null) {
      throw new IllegalStateException("already started");
    }
    scheduler =
        new PaperboyScheduler(
            database.dataSource(),
            database.dialect().quartzDelegate(),
            this::poll,
            dispatcher::dispatch);
    scheduler.start(config);
  }

  private boolean poll(String feedId) {
    FeedConfig feed = config.feeds().get(feedId);
    if (feed == null) {
      log.warn("feed {}: no longer in the config; skipped", feedId);
      return false;
    }
    return poller.poll(feed).queued() > 0;
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      try {
        scheduler.close();
      } catch (SchedulerException e) {
        log.warn("stopping the scheduler: {}", e.getMessage());
      }
      scheduler = null;
    }
    database.close();
  }
}

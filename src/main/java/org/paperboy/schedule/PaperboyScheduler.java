package org.paperboy.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.config.Schedule;
import org.paperboy.store.Dialect;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Paperboy on Quartz: a job per batch of feeds that share a schedule (see {@link FeedBatches})
 * and a job per account that sends its due posts. Jobs and triggers live in Quartz's JDBC job store
 * on Paperboy's own database, so a restart resumes the schedule where it stopped; a trigger is
 * replaced only when its schedule changed in the config. Not thread-safe: start and close it from
 * one thread.
 */
public final class PaperboyScheduler {

  private static final Logger log = LoggerFactory.getLogger(PaperboyScheduler.class);

  static final String FEEDS = "feeds";
  static final String ACCOUNTS = "accounts";
  // One-shot triggers that wake an account's dispatcher when its next post falls due.
  static final String WAKES = "wakes";
  private static final String SCHEDULE = "schedule";
  // A safety net: each dispatch asks to be woken when its account's next post falls due.
  private static final Duration DISPATCH_EVERY = Duration.ofSeconds(30);
  // A wake requested this long ago whose dispatch has not started here may have run on another
  // node of the cluster: the next one is requested again.
  private static final long WAKE_PENDING_NANOS = Duration.ofSeconds(2).toNanos();

  private final Scheduler scheduler;
  private final Predicate<String> poll;
  private final NextFires nextFires;
  private volatile boolean closing;
  private volatile Map<String, List<String>> accountsOfFeed = Map.of();
  // Accounts whose dispatcher this node woke and which has not started since, and when.
  private final ConcurrentMap<String, Long> pendingWakes = new ConcurrentHashMap<>();

  /**
   * @param dataSource Paperboy's pool, which Quartz shares
   * @param dialect the database's, which says whether several nodes share it as a cluster
   * @param poll polls a feed by id; true when it queued posts
   * @param dispatch sends an account's due posts, by account id
   * @param nextFires told when the schedule next polls each feed, whenever it is set or fires
   * @throws ScheduleException when Quartz cannot be set up on the database
   */
  public PaperboyScheduler(
      DataSource dataSource,
      Dialect dialect,
      Predicate<String> poll,
      Consumer<String> dispatch,
      NextFires nextFires)
      throws ScheduleException {
    try {
      this.scheduler = QuartzSetup.scheduler(dataSource, dialect);
    } catch (SchedulerException e) {
      throw new ScheduleException("setting up the scheduler", e);
    }
    this.poll = poll;
    this.nextFires = nextFires;
    try {
      this.scheduler.setJobFactory(
          new PaperboyJobFactory(
              this::pollBatch,
              accountId -> {
                pendingWakes.remove(accountId);
                dispatch.accept(accountId);
              }));
    } catch (SchedulerException e) {
      throw new ScheduleException("setting up the scheduler", e);
    }
  }

  /** Told when the schedule next polls a batch of feeds. */
  @FunctionalInterface
  public interface NextFires {
    /**
     * @param next the batch's next firing, or {@code null} when it fires no more
     */
    void at(List<String> feedIds, Instant next);
  }

  /**
   * Brings the stored jobs in line with {@code config} and starts firing them.
   *
   * @throws ScheduleException when Quartz's job store cannot be read or written
   */
  public void start(PaperboyConfig config) throws ScheduleException {
    try {
      sync(config);
    } catch (SchedulerException e) {
      throw new ScheduleException("scheduling the feeds and accounts", e);
    }
  }

  private void sync(PaperboyConfig config) throws SchedulerException {
    Map<String, List<String>> accounts = new HashMap<>();
    config.feeds().values().forEach(feed -> accounts.put(feed.id(), feed.accountIds()));
    accountsOfFeed = accounts;
    Set<JobKey> wanted = new HashSet<>();
    for (Map.Entry<String, List<FeedConfig>> batch :
        FeedBatches.of(config.feeds().values()).entrySet()) {
      JobKey key = JobKey.jobKey(batch.getKey(), FEEDS);
      wanted.add(key);
      JobDetail job =
          JobBuilder.newJob(PollFeedsJob.class)
              .withIdentity(key)
              .usingJobData(
                  PollFeedsJob.FEED_IDS,
                  String.join(",", batch.getValue().stream().map(FeedConfig::id).toList()))
              .storeDurably()
              .build();
      Schedule schedule = batch.getValue().get(0).schedule();
      Trigger trigger = schedule(job, schedule.describe(), builder(schedule));
      nextFires.at(
          batch.getValue().stream().map(FeedConfig::id).toList(),
          instant(trigger.getNextFireTime()));
    }
    for (String accountId : config.accounts().keySet()) {
      JobKey key = JobKey.jobKey(accountId, ACCOUNTS);
      wanted.add(key);
      JobDetail job =
          JobBuilder.newJob(DispatchJob.class)
              .withIdentity(key)
              .usingJobData(DispatchJob.ACCOUNT_ID, accountId)
              .storeDurably()
              .build();
      schedule(
          job,
          "every " + DISPATCH_EVERY.toSeconds() + "s",
          SimpleScheduleBuilder.simpleSchedule()
              .withIntervalInMilliseconds(DISPATCH_EVERY.toMillis())
              .repeatForever()
              .withMisfireHandlingInstructionNextWithRemainingCount());
    }
    for (String group : new String[] {FEEDS, ACCOUNTS}) {
      for (JobKey stored : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
        if (!wanted.contains(stored)) {
          scheduler.deleteJob(stored);
        }
      }
    }
    scheduler.start();
    // Posts left queued when Paperboy last stopped go out now, not at the next periodic wake-up.
    for (String accountId : config.accounts().keySet()) {
      scheduler.triggerJob(JobKey.jobKey(accountId, ACCOUNTS));
    }
  }

  /** Stores {@code job} with a trigger firing as {@code how}; returns the trigger in force. */
  private Trigger schedule(
      JobDetail job, String description, ScheduleBuilder<? extends Trigger> how)
      throws SchedulerException {
    TriggerKey key = TriggerKey.triggerKey(job.getKey().getName(), job.getKey().getGroup());
    Trigger existing = scheduler.getTrigger(key);
    scheduler.addJob(job, true);
    if (existing != null && description.equals(existing.getJobDataMap().getString(SCHEDULE))) {
      return existing;
    }
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(key)
            .forJob(job)
            .usingJobData(SCHEDULE, description)
            .withSchedule(how)
            .startNow()
            .build();
    if (existing == null) {
      try {
        scheduler.scheduleJob(trigger);
      } catch (ObjectAlreadyExistsException e) {
        // Another node of the cluster, starting at the same moment, stored it first.
        Trigger stored = scheduler.getTrigger(key);
        if (stored == null || !description.equals(stored.getJobDataMap().getString(SCHEDULE))) {
          scheduler.rescheduleJob(key, trigger);
        }
      }
    } else {
      scheduler.rescheduleJob(key, trigger);
    }
    Trigger stored = scheduler.getTrigger(key);
    return stored == null ? trigger : stored;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static ScheduleBuilder<? extends Trigger> builder(Schedule schedule) {
    if (schedule instanceof Schedule.Every every) {
      // After downtime, poll at once rather than waiting a whole interval.
      return SimpleScheduleBuilder.simpleSchedule()
          .withIntervalInMilliseconds(every.interval().toMillis())
          .repeatForever()
          .withMisfireHandlingInstructionNowWithExistingCount();
    }
    return CronScheduleBuilder.cronSchedule(((Schedule.Cron) schedule).expression())
        .withMisfireHandlingInstructionFireAndProceed();
  }

  /**
   * Polls a batch's feeds in turn; one that fails does not stop the others. An account's dispatcher
   * is woken as soon as a feed queues posts for it, so they need not wait for the rest of the
   * batch.
   */
  private void pollBatch(List<String> feedIds, Date nextFire) {
    nextFires.at(feedIds, instant(nextFire));
    for (String feedId : feedIds) {
      if (closing) {
        // The rest of the batch is polled at its next firing.
        return;
      }
      try {
        if (poll.test(feedId)) {
          accountsOfFeed.getOrDefault(feedId, List.of()).forEach(this::wake);
        }
      } catch (RuntimeException e) {
        // The next firing polls it again.
        log.error("feed {}: poll failed: {}", feedId, e.toString());
      }
    }
  }

  /**
   * Wakes an account's dispatcher, unless a wake this node asked for has not started yet: that one
   * will find the new posts too. Spares the job store a trigger per poll that queued posts.
   */
  private void wake(String accountId) {
    long now = System.nanoTime();
    Long pending = pendingWakes.get(accountId);
    if (pending != null && now - pending < WAKE_PENDING_NANOS) {
      return;
    }
    pendingWakes.put(accountId, now);
    try {
      scheduler.triggerJob(JobKey.jobKey(accountId, ACCOUNTS));
    } catch (SchedulerException e) {
      pendingWakes.remove(accountId);
      // The periodic dispatch still sends the posts, a little later.
      log.warn("account {}: cannot wake its dispatcher: {}", accountId, e.getMessage());
    }
  }

  /** True while the scheduler fires jobs. */
  public boolean isRunning() {
    try {
      return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
    } catch (SchedulerException e) {
      return false;
    }
  }

  /**
   * Wakes {@code accountId}'s dispatcher at {@code at}, when its next post falls due, through a
   * one-shot trigger in Quartz's job store: whichever node of a cluster is free fires it. Replaces
   * the account's earlier wake, since each dispatch works out the earliest due moment afresh.
   */
  public void wakeAt(String accountId, Instant at) {
    if (at == null || closing) {
      return;
    }
    TriggerKey key = TriggerKey.triggerKey(accountId, WAKES);
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(key)
            .forJob(JobKey.jobKey(accountId, ACCOUNTS))
            .startAt(Date.from(at))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    try {
      if (scheduler.rescheduleJob(key, trigger) == null) {
        scheduler.scheduleJob(trigger);
      }
    } catch (ObjectAlreadyExistsException e) {
      // Another node stored its wake between our two calls; ours is as good.
      log.debug("account {}: a wake was stored meanwhile", accountId);
    } catch (SchedulerException e) {
      // The periodic dispatch still sends the posts, a little later.
      log.warn("account {}: cannot wake its dispatcher at {}: {}", accountId, at, e.getMessage());
    }
  }

  /**
   * Stops firing, waits up to {@code grace} for running jobs to finish, and stops; a job still
   * running then is left to end with the process (a post it was sending is settled at the next
   * start, by looking it up).
   */
  public void close(Duration grace) throws ScheduleException {
    closing = true;
    try {
      scheduler.standby();
      long deadline = System.nanoTime() + grace.toNanos();
      while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      // With nothing running, wait for Quartz's own threads so none holds a connection after this.
      scheduler.shutdown(scheduler.getCurrentlyExecutingJobs().isEmpty());
    } catch (SchedulerException e) {
      throw new ScheduleException("stopping the scheduler", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

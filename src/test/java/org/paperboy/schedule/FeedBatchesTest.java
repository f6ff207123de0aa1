package org.paperboy.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.FeedConfig;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.testing.TestPaperboy;

/** How feeds are grouped into Quartz jobs: few jobs for many feeds, and each feed stays put. */
class FeedBatchesTest {

  @TempDir Path dir;

  /** A config with {@code hourly} feeds polled every hour and {@code nightly} by a cron. */
  private PaperboyConfig config(int hourly, int nightly) throws Exception {
    StringBuilder text = new StringBuilder("paperboy.accounts.lab { platform = console }\n");
    for (int i = 0; i < hourly; i++) {
      text.append(
          "paperboy.feeds.h%d { url = \"file:h.xml\", account = lab, schedule = 1h }\n"
              .formatted(i));
    }
    for (int i = 0; i < nightly; i++) {
      text.append(
          "paperboy.feeds.n%d { url = \"file:n.xml\", account = lab, schedule = \"0 0 3 * * ?\" }\n"
              .formatted(i));
    }
    return TestPaperboy.loader(Map.of()).load(Files.writeString(dir.resolve("p.conf"), text));
  }

  @Test
  void aThousandFeedsOnOneScheduleAreAFewJobsThatHoldEachFeedOnce() throws Exception {
    Map<String, List<FeedConfig>> batches = FeedBatches.of(config(1000, 0).feeds().values());

    assertThat(batches).hasSize(FeedBatches.PER_SCHEDULE);
    assertThat(batches.values().stream().mapToInt(List::size).sum()).isEqualTo(1000);
    assertThat(batches.values()).allSatisfy(feeds -> assertThat(feeds).hasSizeBetween(30, 100));
    assertThat(batches.keySet()).allMatch(name -> name.startsWith("every 1h #"));
  }

  @Test
  void feedsOnDifferentSchedulesNeverShareAJob() throws Exception {
    Map<String, List<FeedConfig>> batches = FeedBatches.of(config(40, 40).feeds().values());

    assertThat(batches.values())
        .allSatisfy(
            feeds ->
                assertThat(feeds.stream().map(feed -> feed.schedule().describe()).distinct())
                    .hasSize(1));
    assertThat(batches.keySet())
        .anyMatch(name -> name.startsWith("cron 0 0 3 * * ? #"))
        .anyMatch(name -> name.startsWith("every 1h #"));
  }

  @Test
  void aFeedKeepsItsJobAsOtherFeedsComeAndGo() throws Exception {
    FeedConfig among10 = config(10, 0).feeds().get("h7");
    FeedConfig among500 = config(500, 30).feeds().get("h7");

    assertThat(FeedBatches.jobName(among500)).isEqualTo(FeedBatches.jobName(among10));
  }
}

package org.paperboy.operate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.paperboy.model.FeedOverview;

/**
 * A feed as maintainers see it: how its polls went and whether it needs a look.
 *
 * @param id the feed
 * @param url its address
 * @param schedule when it is polled, as a person reads it ("every 30m")
 * @param state what its polls left on its row, or {@code null} when it was never polled
 * @param configured false for a feed that Paperboy polled but the config no longer holds
 * @param nextPoll when it is polled next (its schedule, or later when its server or a backoff says
 *     so), or {@code null} before the service scheduled it
 * @param staleAfter how long it may show nothing new before it is flagged stale
 * @param staleFor how long it has shown nothing new, when that is longer than {@code staleAfter};
 *     otherwise {@code null}
 */
public record FeedStanding(
    String id,
    String url,
    String schedule,
    FeedOverview state,
    boolean configured,
    Instant nextPoll,
    Duration staleAfter,
    Duration staleFor) {

  public FeedStanding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
  }

  /** True when its last polls failed: {@link #failuresInARow()} of them. */
  public boolean failing() {
    return failuresInARow() > 0;
  }

  /** How many polls in a row have failed. */
  public int failuresInARow() {
    return state == null ? 0 : state.errorCount();
  }

  /** True when it has shown nothing new for longer than its {@code stale-after}. */
  public boolean stale() {
    return staleFor != null;
  }

  /** Its last poll in plain words: "failed: …", its status line, or "never polled". */
  public String lastPollWords() {
    if (state == null || state.lastPolledAt() == null) {
      return "never polled";
    }
    return state.lastError() != null ? "failed: " + state.lastError() : state.lastStatus();
  }
}

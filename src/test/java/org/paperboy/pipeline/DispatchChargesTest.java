package org.paperboy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Budget;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.OutboxState;
import org.paperboy.model.Picture;
import org.paperboy.queue.Pacing;
import org.paperboy.queue.Spending;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FakeXMedia;
import org.paperboy.testing.TestPictures;

/**
 * What the posts of an X account with a budget cost, as X bills them, and how long a post's picture
 * is kept: the outbox on a real database against a fake X, on a clock the test moves.
 */
class DispatchChargesTest {

  private static final Instant START = OutboxOnX.START;
  private static final Pacing FREE = OutboxOnX.FREE;

  private OutboxOnX on;

  @BeforeEach
  void open() throws Exception {
    on = new OutboxOnX();
  }

  @AfterEach
  void close() {
    on.close();
  }

  @Test
  void eachPostIsChargedOnceWhetherItsAnswerCameLateNeverOrAsARefusal() {
    on.queue(1, 3, null);
    on.x.acceptDuplicates();
    Spending spending =
        new Spending(
            new Budget(
                new BigDecimal("10.00"),
                new BigDecimal("0.015"),
                new BigDecimal("0.20"),
                BigDecimal.ZERO,
                1));
    PostDispatcher dispatcher =
        on.dispatcher(new Pacing(Duration.ofMinutes(20), 100), on.toX("cs"), 8, spending);

    // Paper 1 is made, its answer lost: spent, and found on X, not charged again.
    on.x.dropAnswerEvery(1);
    dispatcher.dispatch("lab");
    on.x.dropAnswerEvery(0);
    assertThat(on.spend.since("lab", START)).isEqualByComparingTo("0.20");
    on.clock.advance(Duration.ofMinutes(21));
    dispatcher.dispatch("lab");
    // Paper 2 is never made and no answer comes: spent once, though sent twice.
    on.x.thenAnswer(FakeXApi.Answer.DROPPED);
    on.clock.advance(Duration.ofMinutes(21));
    dispatcher.dispatch("lab");
    on.clock.advance(Duration.ofMinutes(21));
    dispatcher.dispatch("lab");
    assertThat(on.x.tweets()).hasSize(2);
    assertThat(on.spend.since("lab", START)).isEqualByComparingTo("0.40");
    // Paper 3 is refused: X bills nothing for it.
    on.x.thenAnswer(
        new FakeXApi.Answer(
            400, "{\"title\":\"Invalid Request\",\"detail\":\"text too long\"}", Map.of()));
    on.clock.advance(Duration.ofMinutes(21));
    dispatcher.dispatch("lab");

    assertThat(on.queue.items("lab"))
        .extracting(OutboxItem::state)
        .containsExactly(OutboxState.POSTED, OutboxState.POSTED, OutboxState.FAILED);
    assertThat(on.x.tweets()).hasSize(2);
    assertThat(on.spend.since("lab", START)).isEqualByComparingTo("0.40");
  }

  private static Spending spending(String perMedia) {
    return new Spending(
        new Budget(
            new BigDecimal("10.00"),
            new BigDecimal("0.015"),
            new BigDecimal("0.20"),
            new BigDecimal(perMedia),
            1));
  }

  @Test
  void aPostNotFoundAfterItsAnswerWasLostThenRefusedCostsNothing() {
    on.queue(1, 1, null);
    on.x.acceptDuplicates();
    PostDispatcher dispatcher = on.dispatcher(FREE, on.toX("cs"), 8, spending("0"));

    // Sent, no answer, nothing made: spent, as far as Paperboy can tell.
    on.x.thenAnswer(FakeXApi.Answer.DROPPED);
    dispatcher.dispatch("lab");
    assertThat(on.spend.since("lab", START)).isEqualByComparingTo("0.20");
    // Looked up, not found, sent again and refused: neither send made a post X bills.
    on.x.thenAnswer(tooLong());
    on.clock.advance(Duration.ofMinutes(2));
    dispatcher.dispatch("lab");

    assertThat(on.queue.items("lab"))
        .extracting(OutboxItem::state)
        .containsExactly(OutboxState.FAILED);
    assertThat(on.x.tweets()).isEmpty();
    assertThat(on.spend.since("lab", START)).isEqualByComparingTo("0");
  }

  @Test
  void aPostSentAgainThatXCallsADuplicateKeepsTheChargeOfTheSendThatMadeIt() {
    on.queue(1, 1, null);
    PostDispatcher dispatcher = on.dispatcher(FREE, on.toX("cs"), 8, spending("0"));
    // Made, its answer lost; X's timeline does not show it yet, and X refuses the resend as a
    // duplicate: the post exists, billed once.
    on.x.thenAnswer(FakeXApi.Answer.DROPPED);
    dispatcher.dispatch("lab");
    on.x.thenAnswer(
        new FakeXApi.Answer(
            403,
            "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\"}",
            Map.of()));
    on.clock.advance(Duration.ofMinutes(2));
    dispatcher.dispatch("lab");

    assertThat(on.queue.items("lab"))
        .extracting(OutboxItem::state)
        .containsExactly(OutboxState.POSTED);
    assertThat(on.spend.since("lab", START)).isEqualByComparingTo("0.20");
  }

  @Test
  void aPictureXRefusesIsNotChargedAndThePostGoesOutWithoutIt() {
    on.queue(1, 1, picture());
    on.x.acceptDuplicates();
    on.x.refuseMediaUploads("media type unrecognized");

    assertThat(on.dispatcher(FREE, on.toX("cs"), 8, spending("0.005")).dispatch("lab").posted())
        .isEqualTo(1);

    assertThat(on.x.tweets()).extracting(FakeXApi.Tweet::mediaIds).containsExactly(List.of());
    assertThat(on.spend.since("lab", START))
        .as("a linked post, no picture")
        .isEqualByComparingTo("0.20");
  }

  @Test
  void aPictureXTakesIsChargedWithItsPost() {
    on.queue(1, 1, picture());
    on.x.acceptDuplicates();

    on.dispatcher(FREE, on.toX("cs"), 8, spending("0.005")).dispatch("lab");

    assertThat(on.x.tweets())
        .singleElement()
        .satisfies(tweet -> assertThat(tweet.mediaIds()).hasSize(1));
    assertThat(on.x.media())
        .singleElement()
        .extracting(FakeXMedia.Media::alt)
        .isEqualTo("Trial flow");
    assertThat(on.spend.since("lab", START)).isEqualByComparingTo("0.205");
  }

  @Test
  void aFailedPostKeepsItsPictureForAMaintainersRetryThenForgetsIt() throws Exception {
    on.queue(1, 3, picture());
    on.x.acceptDuplicates();
    PostDispatcher dispatcher =
        on.dispatcher(new Pacing(Duration.ofMinutes(20), 100), on.toX("cs"), 8, null);
    // Paper 1 is refused, paper 2 posted; paper 3 waits for its turn.
    on.x.thenAnswer(tooLong());
    dispatcher.dispatch("lab");
    long failed = on.queue.items("lab").get(0).id();
    assertThat(on.queue.items("lab"))
        .extracting(OutboxItem::state)
        .containsExactly(OutboxState.FAILED, OutboxState.POSTED, OutboxState.QUEUED);
    assertThat(picturesKept()).as("paper 1's, kept; paper 3's, still to send").isEqualTo(2);

    // A maintainer's retry a week later: the post goes out with its picture.
    on.clock.advance(Duration.ofDays(7));
    assertThat(on.queue.requeue(failed, null, Set.of(OutboxState.FAILED), on.clock.instant()))
        .isEqualTo(1);
    dispatcher.dispatch("lab");
    assertThat(on.x.tweets()).extracting(FakeXApi.Tweet::mediaIds).allMatch(ids -> ids.size() == 1);
    assertThat(on.x.tweets()).hasSize(2);

    // Paper 3 fails too, and is left alone: its picture is kept 30 days, then forgotten.
    on.x.thenAnswer(tooLong());
    on.clock.advance(Duration.ofMinutes(21));
    dispatcher.dispatch("lab");
    assertThat(picturesKept()).isEqualTo(1);
    on.queue(4, 4, null);
    on.clock.advance(Duration.ofDays(31));
    dispatcher.dispatch("lab");
    assertThat(picturesKept()).isZero();
  }

  private static Picture picture() {
    return new Picture(
        TestPictures.jpeg(800, 600, 1),
        "image/jpeg",
        800,
        600,
        "Trial flow",
        "https://journal.test/figure.jpg");
  }

  private static FakeXApi.Answer tooLong() {
    return new FakeXApi.Answer(
        400, "{\"title\":\"Invalid Request\",\"detail\":\"text too long\"}", Map.of());
  }

  private int picturesKept() throws Exception {
    try (Connection c = on.database.dataSource().getConnection();
        ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM pictures")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}

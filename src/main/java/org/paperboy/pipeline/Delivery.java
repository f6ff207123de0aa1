package org.paperboy.pipeline;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.SendFailure;
import org.paperboy.publish.Message;
import org.paperboy.publish.PublishException;
import org.paperboy.publish.Publisher;
import org.paperboy.store.Claim;
import org.paperboy.store.JdbcOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one claimed post: when its last send got no answer, looks it up on the platform first
 * (found: recorded as posted; not found: sent again, the same text); then sends the parts not yet
 * posted (a thread's reply after its first post) and records each as it goes. Thread-safe.
 */
final class Delivery {

  private static final Logger log = LoggerFactory.getLogger(Delivery.class);

  /**
   * A delivery that stopped short.
   *
   * @param failure how it failed
   * @param stillUnknown whether the post may still be on the platform unrecorded: its outcome was
   *     unknown and the platform could not be asked, or a send got no answer
   * @param looking whether it failed while looking the post up, not while sending it
   */
  record Stopped(PublishException failure, boolean stillUnknown, boolean looking) {}

  private final JdbcOutbox outbox;
  private final Clock clock;

  Delivery(JdbcOutbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Delivers {@code claim}; empty when every part is posted, else how it stopped. */
  Optional<Stopped> deliver(Publisher publisher, Claim claim) {
    OutboxItem item = claim.item();
    Map<Integer, String> sent = outbox.sentParts(item);
    int part = sent.containsKey(0) ? 1 : 0;
    if (claim.outcomeUnknown()) {
      Message message = message(item, part, sent.get(0));
      Optional<String> found;
      try {
        found = publisher.find(message, claim.firstSentAt());
      } catch (PublishException e) {
        return Optional.of(new Stopped(e, true, true));
      }
      if (found.isPresent()) {
        outbox.markSent(item, part, found.get(), clock.instant());
        sent.put(part, found.get());
        log.info(
            "account {}: post {} (outcome unknown) is on the platform as {}; recorded as posted",
            item.accountId(),
            item.id(),
            found.get());
        part++;
      } else {
        log.info(
            "account {}: post {} (outcome unknown) is not on the platform; sending it again",
            item.accountId(),
            item.id());
      }
    }
    for (; part <= lastPart(item); part++) {
      if (part == 1 && sent.get(0) == null) {
        outbox.markPostedWithoutReply(item, clock.instant());
        log.warn(
            "account {}: post {} has no reply: its first post's id is unknown",
            item.accountId(),
            item.id());
        return Optional.empty();
      }
      String id;
      try {
        id = publisher.publish(message(item, part, sent.get(0)));
      } catch (PublishException e) {
        return Optional.of(new Stopped(e, e.failure() == SendFailure.NO_ANSWER, false));
      }
      outbox.markSent(item, part, id, clock.instant());
      sent.put(part, id);
      log.info(
          "account {}: posted {}{} from feed {}",
          item.accountId(),
          part == 0 ? "" : "reply ",
          id,
          item.feedId());
    }
    return Optional.empty();
  }

  /** The parts of {@code item}: 0 for a post, 1 when it has a reply. */
  static int lastPart(OutboxItem item) {
    return item.replyText() == null ? 0 : 1;
  }

  /** Part {@code part} of {@code item}, with its own key; a reply answers {@code first}. */
  static Message message(OutboxItem item, int part, String first) {
    return new Message(
        "paperboy-" + item.id() + "-" + part,
        item.accountId(),
        item.feedId(),
        part == 0 ? item.text() : item.replyText(),
        part == 0 ? null : first);
  }
}

package org.paperboy.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.paperboy.model.OutboxItem;
import org.paperboy.model.Picture;
import org.paperboy.model.PostRef;
import org.paperboy.model.SendFailure;
import org.paperboy.model.Tid;
import org.paperboy.picture.PictureFitter;
import org.paperboy.publish.Message;
import org.paperboy.publish.PublishException;
import org.paperboy.queue.Settlement;
import org.paperboy.store.Claim;
import org.paperboy.store.JdbcOutbox;
import org.paperboy.store.JdbcPictures;
import org.paperboy.store.JdbcSpend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one claimed post: when its last send got no answer, looks it up on the platform first
 * (found: recorded as posted; not found: sent again, the same text with the same key), or sends it
 * again at once where the platform answers a repeat of the key with the post it made; then sends
 * the parts not yet posted (a thread's reply after its first post) and records each as it goes,
 * with what it cost when the account has a budget. Thread-safe.
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
  private final JdbcSpend spend;
  private final JdbcPictures pictures;
  private final PictureFitter fitter;
  private final Clock clock;

  Delivery(
      JdbcOutbox outbox,
      JdbcSpend spend,
      JdbcPictures pictures,
      PictureFitter fitter,
      Clock clock) {
    this.outbox = outbox;
    this.spend = spend;
    this.pictures = pictures;
    this.fitter = fitter;
    this.clock = clock;
  }

  /**
   * Delivers {@code claim} for {@code account}; empty when every part is posted, else how it
   * stopped.
   */
  Optional<Stopped> deliver(PostDispatcher.Account account, Claim claim) {
    OutboxItem item = claim.item();
    Map<Integer, String> sent = outbox.sentParts(item);
    int part = sent.containsKey(0) ? 1 : 0;
    Picture picture = part == 0 ? picture(account, claim) : null;
    // The part sent again after an unknown outcome: its lost attempt was charged already.
    int resending = -1;
    if (claim.outcomeUnknown()
        && account.publisher().answersRepeats(claim.firstSentAt(), clock.instant())) {
      log.info(
          "account {}: post {} (outcome unknown) is sent again with its key, which the platform"
              + " answers with the post it made, if it made one",
          item.accountId(),
          item.id());
      resending = part;
    } else if (claim.outcomeUnknown()) {
      Optional<PostRef> found;
      try {
        found =
            account
                .publisher()
                .find(message(claim, part, sent.get(0), picture), claim.firstSentAt());
      } catch (PublishException e) {
        return Optional.of(new Stopped(e, true, true));
      }
      Settlement.Step step = account.settlement().afterLookup(found.map(PostRef::id).orElse(null));
      if (step instanceof Settlement.Posted) {
        outbox.markSent(item, part, found.orElseThrow(), clock.instant());
        sent.put(part, found.get().id());
        log.info(
            "account {}: post {} (outcome unknown) is on the platform as {}; recorded as posted",
            item.accountId(),
            item.id(),
            found.get().id());
        part++;
      } else {
        log.info(
            "account {}: post {} (outcome unknown) is not on the platform; sending it again",
            item.accountId(),
            item.id());
        resending = part;
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
      Message message = message(claim, part, sent.get(0), part == 0 ? picture : null);
      // Charged before it goes, so that a send whose outcome is never known (no answer, or the
      // process killed meanwhile) counts as spent; taken back when the platform refuses it.
      Optional<Long> charge =
          part == resending
              ? Optional.empty()
              : charge(account, item, message.text(), message.picture() == null ? 0 : 1);
      PostRef post;
      try {
        post = account.publisher().publish(message);
      } catch (PublishException e) {
        boolean noAnswer = e.failure() == SendFailure.NO_ANSWER;
        if (!noAnswer) {
          charge.ifPresent(spend::withdraw);
        }
        if (part == resending && !noAnswer && e.failure() != SendFailure.DUPLICATE) {
          // Not found, then refused: the lost attempt made no post either, and X billed nothing.
          withdrawLostAttempt(account, item);
        }
        return Optional.of(new Stopped(e, noAnswer, false));
      }
      if (post.pictureDropped() && charge.isPresent()) {
        // It went out without its picture: charged as the plain post it is.
        spend.withdraw(charge.get());
        charge(account, item, message.text(), 0);
      }
      outbox.markSent(item, part, post, clock.instant());
      sent.put(part, post.id());
      log.info(
          "account {}: posted {}{} from feed {}",
          item.accountId(),
          part == 0 ? "" : "reply ",
          post.id(),
          item.feedId());
    }
    return Optional.empty();
  }

  private void withdrawLostAttempt(PostDispatcher.Account account, OutboxItem item) {
    if (account.spending() != null) {
      spend.withdrawLatest(item.id());
    }
  }

  /**
   * Records what a post of {@code text} with {@code pictures} costs its account, when the account
   * keeps a budget.
   */
  private Optional<Long> charge(
      PostDispatcher.Account account, OutboxItem item, String text, int pictures) {
    if (account.spending() == null) {
      return Optional.empty();
    }
    return Optional.of(
        spend.record(
            item.accountId(),
            item.id(),
            account.spending().price(account.rules().holdsLink(text), pictures),
            clock.instant()));
  }

  /** The parts of {@code item}: 0 for a post, 1 when it has a reply. */
  static int lastPart(OutboxItem item) {
    return item.replyText() == null ? 0 : 1;
  }

  /**
   * The picture the claimed post carries, made to fit its platform; {@code null} when it has none,
   * or when it cannot be had or made to fit (one log line: the post goes out without it).
   */
  private Picture picture(PostDispatcher.Account account, Claim claim) {
    if (claim.pictureId() == null) {
      return null;
    }
    OutboxItem item = claim.item();
    Optional<Picture> stored = pictures.load(claim.pictureId());
    if (stored.isEmpty()) {
      log.warn(
          "account {}: post {} goes without its picture: it was forgotten when the post had"
              + " failed for "
              + PostDispatcher.FAILED_KEEP_PICTURE.toDays()
              + " days",
          item.accountId(),
          item.id());
      return null;
    }
    try {
      return fitter.fit(stored.get(), account.publisher().pictureRules());
    } catch (IOException e) {
      log.warn(
          "account {}: post {} goes without its picture ({}): {}",
          item.accountId(),
          item.id(),
          stored.get(),
          e.getMessage());
      return null;
    }
  }

  /**
   * Part {@code part} of the claimed post, keyed a microsecond after its first part; a reply
   * answers {@code first}; the first part carries {@code picture}.
   */
  static Message message(Claim claim, int part, String first, Picture picture) {
    OutboxItem item = claim.item();
    Tid key = claim.postKey().plus(part);
    return new Message(
        key.toString(),
        key.instant(),
        item.accountId(),
        item.feedId(),
        part == 0 ? item.text() : item.replyText(),
        part == 0 ? null : first,
        claim.subject(),
        part == 0 ? picture : null);
  }
}

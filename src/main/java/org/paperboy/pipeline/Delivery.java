package org.paperboy.pipeline;

import java.io.IOException;
import java.math.BigDecimal;
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
    // The part sent again after an unknown outcome, not found by a look: its charge stands.
    int resending = -1;
    // The part sent again where the platform answers a repeated key with the post it made: the
    // repeat is the look, and until the platform has answered it the outcome is still unknown.
    int repeating = -1;
    if (claim.outcomeUnknown()
        && account.publisher().answersRepeats(claim.firstSentAt(), clock.instant())) {
      log.info(
          "account {}: post {} (outcome unknown) is sent again with its key, which the platform"
              + " answers with the post it made, if it made one",
          item.accountId(),
          item.id());
      repeating = part;
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
      // process killed meanwhile) counts as spent, and only once however often it is sent.
      Optional<Long> charge = charge(account, item, part, message);
      PostRef post;
      try {
        post = account.publisher().publish(message);
      } catch (PublishException e) {
        SendFailure failure = e.failure();
        if (part == repeating
            && failure != SendFailure.REJECTED
            && failure != SendFailure.DUPLICATE) {
          // Refused before the platform read the key (a 5xx, a limit, the token): whether the
          // first send made the post is as unknown as after a look that failed.
          return Optional.of(new Stopped(e, true, true));
        }
        boolean again = part == resending || part == repeating;
        if (failure != SendFailure.NO_ANSWER && !(again && failure == SendFailure.DUPLICATE)) {
          // Refused: no post, and nothing billed, for this send or a lost one before it.
          charge.ifPresent(spend::withdraw);
        }
        return Optional.of(new Stopped(e, failure == SendFailure.NO_ANSWER, false));
      }
      if (post.pictureDropped() && charge.isPresent()) {
        // It went out without its picture: charged as the plain post it is.
        spend.reprice(charge.get(), price(account, message.text(), 0));
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

  /**
   * The charge for part {@code part} of {@code item}, when its account keeps a budget: the one
   * standing from a send whose answer never came, else a new one for what {@code message} costs.
   */
  private Optional<Long> charge(
      PostDispatcher.Account account, OutboxItem item, int part, Message message) {
    if (account.spending() == null) {
      return Optional.empty();
    }
    Optional<Long> standing = spend.standing(item.id(), part);
    if (standing.isPresent()) {
      return standing;
    }
    return Optional.of(
        spend.record(
            item.accountId(),
            item.id(),
            part,
            price(account, message.text(), message.picture() == null ? 0 : 1),
            clock.instant()));
  }

  private static BigDecimal price(PostDispatcher.Account account, String text, int pictures) {
    return account.spending().price(account.rules().holdsLink(text), pictures);
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
          "account {}: post {} goes without its picture: it was forgotten as the post was"
              + " claimed",
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

package org.paperboy.platform.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.model.PostRef;
import org.paperboy.model.SendFailure;
import org.paperboy.model.Subject;
import org.paperboy.publish.Message;
import org.paperboy.publish.PlatformHttp;
import org.paperboy.publish.PublishException;
import org.paperboy.testing.FakeMastodon;
import org.paperboy.testing.MutableClock;
import org.paperboy.testing.ScriptedAnswer;

/**
 * Finding a post whose answer never came among the account's own statuses, as Mastodon keeps them:
 * HTML, whose visible text is compared, never the bytes sent. An hour after a send the instance has
 * forgotten its idempotency key, so this lookup is all that stands between Paperboy and a second
 * post.
 */
class MastodonLookupTest {

  private static final String TOKEN = "lab-mastodon-token-0453";
  private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

  private final MutableClock clock = new MutableClock(START);
  private FakeMastodon mastodon;
  private MastodonText rules;

  @BeforeEach
  void start() throws Exception {
    mastodon = new FakeMastodon(TOKEN, clock);
    rules =
        new MastodonText(
            new MastodonInstance(mastodon.baseUrl(), new PlatformHttp("lab", HTTP_TIMEOUT), clock));
  }

  @AfterEach
  void stop() {
    mastodon.close();
  }

  private MastodonPublisher publisher(String visibility, String token) {
    return MastodonPublishers.on(mastodon.baseUrl(), token, visibility, "en", HTTP_TIMEOUT);
  }

  private MastodonPublisher publisher() {
    return publisher("public", TOKEN);
  }

  /** A post of a paper titled {@code title} at {@code link}, its text as the composer wrote it. */
  private static Message post(String key, String text, String title, String link) {
    return new Message(key, START, "lab", "nejm", text, null, new Subject(title, link, ""), null);
  }

  /** The post of a paper titled {@code title} at {@code https://doi.org/10.1/<doi>}: both lines. */
  private static Message paper(String key, String title, String doi) {
    String link = "https://doi.org/10.1/" + doi;
    return post(key, title + "\n" + link, title, link);
  }

  @Test
  void anHourOnAPostWhoseAnswerNeverCameIsFoundAndOneNeverMadeIsNot() throws Exception {
    Message made = paper("k1", "Early care", "a");
    Message lost = paper("k2", "Late care", "b");
    mastodon.dropAnswerEvery(1);
    assertThatThrownBy(() -> publisher().publish(made))
        .isInstanceOfSatisfying(
            PublishException.class, e -> assertThat(e.failure()).isEqualTo(SendFailure.NO_ANSWER));
    mastodon.thenAnswer(ScriptedAnswer.DROPPED);
    assertThatThrownBy(() -> publisher().publish(lost)).isInstanceOf(PublishException.class);
    clock.advance(Duration.ofHours(2));

    assertThat(publisher().find(made, START))
        .contains(new PostRef(mastodon.statuses().get(0).id(), statusUrl(0)));
    assertThat(publisher().find(lost, START)).isEmpty();
    assertThat(mastodon.requests("GET /api/v1/accounts/verify_credentials")).isEqualTo(2);
  }

  @Test
  void aPostIsFoundByWhatItsHtmlShowsNotByItsBytes() throws Exception {
    // Mastodon escapes "&" and "<", turns the line break into <br />, the hashtag into a link, and
    // shows 30 characters of the link, the rest in an invisible span.
    String title = "Sepsis & shock: <b>early</b> care for @paperboy's patients";
    String link = "https://doi.org/10.1038/s41586-024-07000-0";
    String text = rules.neutralise(title) + "\nMortality fell.  " + link + " #Sepsis";
    PostRef sent = publisher().publish(post("k1", text, title, link));

    assertThat(publisher().find(post("k1", text, title, link), START)).contains(sent);
  }

  @Test
  void aPostIsFoundWhenItsTitleIsNotThePapersOwn() throws Exception {
    String title = "Sepsis in children: a randomised trial of early care in thirty-one hospitals";
    String link = "https://doi.org/10.1/s";
    // A hashtag rule made a word of the title a tag; the fitter cut the title to fit.
    String tagged = "Sepsis in #children: a randomised trial of early care in thirty-one hospitals";
    String cut = "Sepsis in children: a randomised…\n" + link;
    MastodonPublisher publisher = publisher();
    PostRef withTag = publisher.publish(post("k1", tagged + "\n" + link, title, link));
    PostRef wasCut = publisher.publish(post("k2", cut, title, link));

    assertThat(publisher.find(post("k1", tagged + "\n" + link, title, link), START))
        .contains(withTag);
    assertThat(publisher.find(post("k2", cut, title, link), START)).contains(wasCut);
  }

  @Test
  void anotherPaperWithTheSameTitleOrLinkIsNotMistakenForIt() throws Exception {
    publisher().publish(paper("k1", "Editorial", "a"));
    publisher().publish(paper("k2", "Correction", "b"));
    publisher().publish(paper("k5", "Erratum", "x12"));

    assertThat(publisher().find(paper("k3", "Editorial", "c"), START)).isEmpty();
    assertThat(publisher().find(paper("k4", "Erratum", "b"), START)).isEmpty();
    assertThat(publisher().find(paper("k6", "Erratum", "x1"), START)).isEmpty();
  }

  @Test
  void aReplyIsFoundByThePostItAnswers() throws Exception {
    MastodonPublisher publisher = publisher();
    Message first = paper("k1", "Early care", "a");
    Message other = paper("k3", "Late care", "b");
    String firstId = publisher.publish(first).id();
    String otherId = publisher.publish(other).id();
    mastodon.dropAnswerEvery(3);
    assertThatThrownBy(() -> publisher.publish(reply("k2", firstId)))
        .isInstanceOf(PublishException.class);
    publisher.publish(reply("k4", otherId));
    clock.advance(Duration.ofHours(2));

    assertThat(publisher().find(reply("k2", firstId), START))
        .map(PostRef::id)
        .contains(mastodon.statuses().get(2).id());
    assertThat(mastodon.statuses().get(2).inReplyToId()).isEqualTo(firstId);
  }

  private static Message reply(String key, String firstId) {
    return new Message(
        key, START, "lab", "nejm", "Mortality fell.", firstId, new Subject("Care", "", ""), null);
  }

  @Test
  void aLookupReadsPageAfterPageNewestFirstAndStopsBeforeTheFirstSend() throws Exception {
    MastodonPublisher publisher = publisher();
    Message old = paper("k0", "Old paper", "old");
    publisher.publish(old);
    clock.advance(Duration.ofHours(3));
    Instant firstSend = clock.instant();
    Message target = paper("k1", "The first", "first");
    PostRef first = publisher.publish(target);
    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofSeconds(30));
      publisher.publish(
          post("p" + i, "Paper " + i + " https://doi.org/10.1/" + i, "Paper " + i, ""));
    }

    assertThat(publisher().find(target, firstSend)).contains(first);
    assertThat(mastodon.requests("GET /api/v1/accounts/:id/statuses")).isEqualTo(3);
    assertThat(publisher().find(old, firstSend)).as("made before the first send").isEmpty();
  }

  @Test
  void aLookupSeesTheAccountsPrivatePostsWithItsToken() throws Exception {
    Message message = paper("k1", "Early care", "a");
    PostRef sent = publisher("private", TOKEN).publish(message);

    assertThat(publisher("private", TOKEN).find(message, START)).contains(sent);
  }

  @Test
  void aLookupTheInstanceRefusesIsAFailureNotANotFound() {
    Message message = paper("k1", "Early care", "a");
    mastodon.revokeToken();

    assertThatThrownBy(() -> publisher().find(message, START))
        .isInstanceOfSatisfying(
            PublishException.class,
            e -> assertThat(e.failure()).isEqualTo(SendFailure.UNAUTHORIZED))
        .hasMessageContaining("The access token was revoked");
  }

  private String statusUrl(int index) {
    return "https://social.example/@paperboy/" + mastodon.statuses().get(index).id();
  }
}

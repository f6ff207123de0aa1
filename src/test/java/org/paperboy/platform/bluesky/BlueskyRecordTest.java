package org.paperboy.platform.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.model.PostRef;
import org.paperboy.model.Subject;
import org.paperboy.publish.Message;
import org.paperboy.testing.FakeBluesky;

/**
 * The {@code app.bsky.feed.post} record a post becomes, as the fake PDS receives it: in the
 * session's repo at the key chosen when the post was queued, dated when it was queued, its links
 * shortened in the text while their facets hold the whole URL, every link and hashtag marked by a
 * facet over exactly its UTF-8 bytes, the paper's link card, and a reply's place in its thread. The
 * fake refuses a facet that misses its text by a byte, as a client counting characters writes it.
 */
class BlueskyRecordTest {

  private static final String DOI = "https://doi.org/10.1038/s41586-024-07000-0";
  private static final Subject PAPER =
      new Subject("Cells that remember", DOI, "Cells keep a record of past stress.");

  @TempDir Path dir;
  private TestAccount lab;

  @BeforeEach
  void start() throws Exception {
    lab = new TestAccount(dir);
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  @Test
  void aPostIsARecordInTheSessionsRepoAtItsQueuedKeyDatedWhenQueued() throws Exception {
    Message message = lab.queue("Cells that remember " + DOI, PAPER);
    lab.clock.advance(Duration.ofHours(3));

    PostRef post = lab.publisher().publish(message);

    FakeBluesky.Created created = only();
    String uri = "at://" + lab.pds.did() + "/app.bsky.feed.post/" + message.key();
    assertThat(created.rkey()).isEqualTo(message.key());
    assertThat(created.uri()).isEqualTo(uri);
    assertThat(created.record().path("createdAt").asText()).isEqualTo("2026-06-01T12:00:00.123Z");
    assertThat(created.record().path("langs").toString()).isEqualTo("[\"en\"]");
    assertThat(post.id()).isEqualTo(uri + " " + created.cid());
    assertThat(post.url())
        .isEqualTo("https://bsky.app/profile/" + lab.pds.did() + "/post/" + message.key());
  }

  @Test
  void theRecordIsTheSameBytesWhoeverSendsItAndWhenever() throws Exception {
    Message message = lab.queue("Cells that remember " + DOI + " #Biology", PAPER);
    lab.publisher().publish(message);
    try (TestAccount elsewhere = new TestAccount(dir.resolve("elsewhere"))) {
      elsewhere.clock.advance(Duration.ofDays(2));
      elsewhere.publisher().publish(message);

      assertThat(elsewhere.pds.records().get(0).record().toString())
          .isEqualTo(only().record().toString());
    }

    assertThat(only().record().toString())
        .isEqualTo(
            "{\"$type\":\"app.bsky.feed.post\","
                + "\"text\":\"Cells that remember doi.org/10.1038/s41586-024-07… #Biology\","
                + "\"createdAt\":\"2026-06-01T12:00:00.123Z\",\"langs\":[\"en\"],"
                + "\"facets\":[{\"index\":{\"byteStart\":20,\"byteEnd\":52},\"features\":"
                + "[{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":\""
                + DOI
                + "\"}]},{\"index\":{\"byteStart\":53,\"byteEnd\":61},\"features\":"
                + "[{\"$type\":\"app.bsky.richtext.facet#tag\",\"tag\":\"Biology\"}]}],"
                + "\"embed\":{\"$type\":\"app.bsky.embed.external\",\"external\":{\"uri\":\""
                + DOI
                + "\",\"title\":\"Cells that remember\","
                + "\"description\":\"Cells keep a record of past stress.\"}}}");
  }

  @Test
  void facetsCoverTheirBytesWhenAccentsEmojiAndHanComeFirst() throws Exception {
    String before = "Étude 🧬 des 細胞 👩🏽‍🔬: ";
    lab.publisher().publish(lab.queue(before + DOI + " #Biologie #細胞生物学 ＃科学 fin", PAPER));

    JsonNode record = only().record();
    assertThat(marked(record))
        .containsExactly(
            "doi.org/10.1038/s41586-024-07… → link " + DOI,
            "#Biologie → tag Biologie",
            "#細胞生物学 → tag 細胞生物学",
            "＃科学 → tag 科学");
    // 40 bytes before the link, though 25 chars and 21 code points.
    assertThat(record.at("/facets/0/index/byteStart").asInt())
        .isEqualTo(before.getBytes(StandardCharsets.UTF_8).length)
        .isEqualTo(40);
  }

  @Test
  void aShortLinkShowsWholeWithoutItsSchemeAndALongOneIsCutWithAnEllipsis() throws Exception {
    lab.publisher()
        .publish(lab.queue("See https://www.nature.com/a and " + DOI, new Subject("t", "", "")));

    JsonNode record = only().record();
    assertThat(record.path("text").asText())
        .isEqualTo("See nature.com/a and doi.org/10.1038/s41586-024-07…");
    assertThat(marked(record))
        .containsExactly(
            "nature.com/a → link https://www.nature.com/a",
            "doi.org/10.1038/s41586-024-07… → link " + DOI);
  }

  @Test
  void closingPunctuationIsLeftOutOfLinksAndTagsAndNumbersAreNoTags() throws Exception {
    lab.publisher()
        .publish(
            lab.queue(
                "(see https://doi.org/10.1/x). Also https://en.wikipedia.org/wiki/Cell_(biology),"
                    + " #Biology. #2024 #1.5 C#",
                new Subject("t", "", "")));

    assertThat(marked(only().record()))
        .containsExactly(
            "doi.org/10.1/x → link https://doi.org/10.1/x",
            "en.wikipedia.org/wiki/Cell_(b… → link https://en.wikipedia.org/wiki/Cell_(biology)",
            "#Biology → tag Biology");
  }

  @Test
  void aTagOverSixtyFourGraphemesOr640BytesIsNoTag() throws Exception {
    String family = "👨‍👩‍👧"; // one grapheme of 18 bytes
    String heavy = "#" + family.repeat(40); // 40 graphemes, 720 bytes
    String long_ = "#" + "a".repeat(65);

    lab.publisher()
        .publish(lab.queue(heavy + " " + long_ + " #" + family, new Subject("t", "", "")));

    assertThat(marked(only().record())).containsExactly("#" + family + " → tag " + family);
  }

  @Test
  void aLongLinkIsCutBetweenCharactersNeverInsideOne() throws Exception {
    String iri = "https://example.org/" + "🧬".repeat(20);

    lab.publisher().publish(lab.queue("Read " + iri, new Subject("t", "", "")));

    assertThat(only().record().path("text").asText())
        .isEqualTo("Read example.org/" + "🧬".repeat(17) + "…");
    assertThat(marked(only().record()))
        .containsExactly("example.org/" + "🧬".repeat(17) + "… → link " + iri);
  }

  @Test
  void thePapersLinkCardCarriesItsLinkTitleAndSummaryCutBetweenCharacters() throws Exception {
    Subject long_ = new Subject("A long abstract", DOI, "🧬".repeat(400));

    lab.publisher().publish(lab.queue("A paper " + DOI, PAPER));
    lab.publisher().publish(lab.queue("Another " + DOI, long_));

    JsonNode card = lab.pds.records().get(0).record().path("embed");
    assertThat(card.path("$type").asText()).isEqualTo("app.bsky.embed.external");
    assertThat(card.at("/external/uri").asText()).isEqualTo(DOI);
    assertThat(card.at("/external/title").asText()).isEqualTo("Cells that remember");
    assertThat(card.at("/external/description").asText())
        .isEqualTo("Cells keep a record of past stress.");
    assertThat(lab.pds.records().get(1).record().at("/embed/external/description").asText())
        .isEqualTo("🧬".repeat(299) + "…");
  }

  @Test
  void aPostWithoutALinkHasNoCardAndAnAccountWithoutALanguageNoLangs() throws Exception {
    lab.publisher(null).publish(lab.queue("Just words", new Subject("t", "", "s")));

    assertThat(only().record().has("embed")).isFalse();
    assertThat(only().record().has("langs")).isFalse();
    assertThat(only().record().has("facets")).isFalse();
  }

  @Test
  void aReplyNamesItsThreadsRootAndParentAndCarriesNoCard() throws Exception {
    BlueskyPublisher publisher = lab.publisher();
    Message first = lab.queue("Cells that remember " + DOI, PAPER);
    PostRef root = publisher.publish(first);

    PostRef reply =
        publisher.publish(
            TestAccount.reply(first, "Cells keep a record of past stress.", root.id()));

    List<FakeBluesky.Created> records = lab.pds.records();
    JsonNode answer = records.get(1).record();
    String strong =
        "{\"uri\":\"" + records.get(0).uri() + "\",\"cid\":\"" + records.get(0).cid() + "\"}";
    assertThat(answer.path("reply").toString())
        .isEqualTo("{\"root\":" + strong + ",\"parent\":" + strong + "}");
    assertThat(answer.has("embed")).isFalse();
    assertThat(records.get(1).rkey()).isEqualTo(TestAccount.reply(first, "", "").key());
    assertThat(reply.id()).isEqualTo(records.get(1).uri() + " " + records.get(1).cid());
  }

  private FakeBluesky.Created only() {
    assertThat(lab.pds.records()).hasSize(1);
    return lab.pds.records().get(0);
  }

  /** Each facet as the text its bytes cover, an arrow, and its feature. */
  private static List<String> marked(JsonNode record) {
    byte[] text = record.path("text").asText().getBytes(StandardCharsets.UTF_8);
    List<String> marked = new ArrayList<>();
    for (JsonNode facet : record.path("facets")) {
      byte[] covered =
          Arrays.copyOfRange(
              text, facet.at("/index/byteStart").asInt(), facet.at("/index/byteEnd").asInt());
      JsonNode feature = facet.at("/features/0");
      String type = feature.path("$type").asText();
      marked.add(
          new String(covered, StandardCharsets.UTF_8)
              + (type.endsWith("#link")
                  ? " → link " + feature.path("uri").asText()
                  : " → tag " + feature.path("tag").asText()));
    }
    return marked;
  }
}

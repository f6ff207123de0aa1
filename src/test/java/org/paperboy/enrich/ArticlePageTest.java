package org.paperboy.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.paperboy.model.PictureRef;
import org.paperboy.testing.Fixtures;

/** The picture an article page offers for sharing, as real publishers' pages offer it. */
class ArticlePageTest {

  private static final URI PAGE = URI.create("https://journal.example/articles/1");

  private static PictureRef pictureOf(String html) {
    return ArticlePage.read(html.getBytes(StandardCharsets.UTF_8), PAGE).picture();
  }

  @Test
  void openGraphsImageIsThePagesPicture() {
    PageDetails peerj =
        ArticlePage.read(
            Fixtures.pageBytes("html_peerj_article.html"),
            URI.create("https://peerj.com/articles/4375/"));
    PageDetails nature =
        ArticlePage.read(
            Fixtures.pageBytes("html_nature_news-article.html"),
            URI.create("https://www.nature.com/articles/d41586-020-02610-z"));
    PageDetails plos =
        ArticlePage.read(
            Fixtures.pageBytes("html_plos-one_article.html"),
            URI.create(
                "https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978"));

    assertThat(peerj.picture())
        .isEqualTo(
            new PictureRef("https://dfzljdn9uc3pi.cloudfront.net/2018/4375/1/fig-1-1x.jpg", null));
    assertThat(nature.picture().url())
        .as("a tag spread over two lines")
        .isEqualTo(
            "https://media.nature.com/lw1024/magazine-assets/d41586-020-02610-z/d41586-020-02610-z_18365322.jpg");
    assertThat(plos.picture().url())
        .isEqualTo(
            "https://journals.plos.org/plosone/article/figure/image?id=10.1371/journal.pone.0213978.t003&size=inline");
  }

  @Test
  void aPageWithoutOneHasNone() {
    assertThat(
            ArticlePage.read(
                    Fixtures.pageBytes("html_hal_article.html"),
                    URI.create("https://hal.science/hal-00000001"))
                .picture())
        .isNull();
  }

  @Test
  void itsAltTextComesAlongAndARelativeAddressIsResolvedAgainstThePage() {
    assertThat(
            pictureOf(
                "<head><meta property=\"og:image\" content=\"/figures/graphical-abstract.png\">"
                    + "<meta property=\"og:image:alt\" content=\"Graphical abstract: trial flow\">"))
        .isEqualTo(
            new PictureRef(
                "https://journal.example/figures/graphical-abstract.png",
                "Graphical abstract: trial flow"));
  }

  @Test
  void twitterCardsImageServesWhenOpenGraphHasNone() {
    assertThat(
            pictureOf(
                "<head><meta property=\"og:image\" content=\"javascript:void(0)\">"
                    + "<meta name=\"twitter:image\" content=\"https://cdn.example/f1.jpg\">"
                    + "<meta name=\"twitter:image:alt\" content=\"Kaplan-Meier curves\">"))
        .isEqualTo(new PictureRef("https://cdn.example/f1.jpg", "Kaplan-Meier curves"));
  }
}

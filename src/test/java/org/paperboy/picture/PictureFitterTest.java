package org.paperboy.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Picture;
import org.paperboy.model.PictureRules;
import org.paperboy.testing.TestPictures;

/** A picture made one each platform takes: within its size, of its types, its alt text cut. */
class PictureFitterTest {

  private static final PictureRules X =
      new PictureRules(5L * 1024 * 1024, PictureRules.COMMON_TYPES, 1000);
  private static final PictureRules BLUESKY =
      new PictureRules(1_000_000, PictureRules.COMMON_TYPES, 0);

  private final PictureFitter fitter = new PictureFitter();

  private static Picture picture(byte[] bytes, String type, int width, int height, String alt) {
    return new Picture(bytes, type, width, height, alt, "https://j.example/figure.png");
  }

  @Test
  void aPictureThatFitsIsSentByteForByte() throws IOException {
    byte[] jpeg = TestPictures.jpeg(800, 600, 1);
    Picture picture = picture(jpeg, "image/jpeg", 800, 600, "A forest plot");

    assertThat(fitter.fit(picture, X)).isEqualTo(picture);
  }

  @Test
  void aPictureTooLargeIsScaledDownAndEncodedAgainUntilItFits() throws IOException {
    // Noise does not compress: about 7 MB as a PNG, over X's 5 MB.
    byte[] png = TestPictures.png(2100, 1400, 2);
    assertThat(png.length).isGreaterThan(5 * 1024 * 1024);
    Picture large = picture(png, "image/png", 2100, 1400, "Study flow");

    for (PictureRules rules : new PictureRules[] {X, BLUESKY}) {
      Picture fitted = fitter.fit(large, rules);

      assertThat(fitted.bytes().length).isLessThanOrEqualTo((int) rules.maxBytes());
      assertThat(fitted.mimeType()).isEqualTo("image/jpeg");
      assertThat((double) fitted.width() / fitted.height()).isCloseTo(1.5, within(0.01));
      var decoded = ImageIO.read(new ByteArrayInputStream(fitted.bytes()));
      assertThat(decoded.getWidth()).isEqualTo(fitted.width());
      assertThat(decoded.getHeight()).isEqualTo(fitted.height());
      assertThat(fitted.alt()).isEqualTo("Study flow");
      assertThat(fitter.fit(large, rules).bytes())
          .as("a resend carries the same bytes")
          .isEqualTo(fitted.bytes());
    }
  }

  @Test
  void transparencyStaysWhereThePlatformTakesPng() throws IOException {
    byte[] png = TestPictures.transparentPng(1400, 1000, 3);
    Picture picture = picture(png, "image/png", 1400, 1000, "Logo-like figure");

    Picture fitted = fitter.fit(picture, new PictureRules(1_000_000, PictureRules.COMMON_TYPES, 0));

    assertThat(fitted.mimeType()).isEqualTo("image/png");
    assertThat(fitted.bytes().length).isLessThanOrEqualTo(1_000_000);
  }

  @Test
  void aTypeThePlatformDoesNotTakeIsEncodedAsOneItDoes() throws IOException {
    byte[] gif = TestPictures.jpeg(300, 200, 4);
    Picture picture = picture(gif, "image/jpeg", 300, 200, "A chart");

    Picture fitted = fitter.fit(picture, new PictureRules(10_000_000, Set.of("image/png"), 1500));

    assertThat(fitted.mimeType()).isEqualTo("image/png");
  }

  @Test
  void altTextIsCutToThePlatformsLimitAtAWord() throws IOException {
    String alt = "A very long description of a figure ".repeat(50).strip();
    Picture picture = picture(TestPictures.jpeg(300, 200, 5), "image/jpeg", 300, 200, alt);

    String cut = fitter.fit(picture, X).alt();

    assertThat(cut.length()).isLessThanOrEqualTo(1000);
    String kept = cut.substring(0, cut.length() - 1);
    assertThat(cut).endsWith("…");
    assertThat(alt).startsWith(kept);
    assertThat(alt.charAt(kept.length())).as("the cut falls between words").isEqualTo(' ');
    assertThat(fitter.fit(picture, BLUESKY).alt())
        .as("a card's thumb shows no alt text; the picture keeps its own")
        .isEqualTo(alt);
  }

  @Test
  void aWebpPictureTooLargeCannotBeScaledHereAndSaysSo() {
    byte[] webp = new byte[2_000_000];
    Picture picture = picture(webp, "image/webp", 2000, 1000, "A map");

    assertThatThrownBy(() -> fitter.fit(picture, BLUESKY))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("a WebP picture of 2000000 bytes cannot be scaled here");
  }
}

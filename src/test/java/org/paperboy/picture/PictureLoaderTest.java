package org.paperboy.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Picture;
import org.paperboy.model.PictureRef;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.TestPictures;

/**
 * A paper's picture is the first of its places that gives a real picture; trackers, icons, pages
 * and missing files are passed over with one line each naming the paper and why.
 */
class PictureLoaderTest {

  private final Map<String, byte[]> served = new HashMap<>();
  private final List<String> asked = new ArrayList<>();
  private final PictureLoader loader =
      new PictureLoader(
          url -> {
            asked.add(url.toString());
            byte[] bytes = served.get(url.toString());
            if (bytes == null) {
              throw new IOException("HTTP 404 from " + url);
            }
            return bytes;
          });

  private static PictureRef at(String url, String alt) {
    return new PictureRef(url, alt);
  }

  @Test
  void takesTheFirstRealPictureWithItsOwnAltText() {
    served.put("https://j.example/toc.jpg", TestPictures.jpeg(640, 480, 1));

    Optional<Picture> picture =
        loader.load(
            "feed jama: 10.1/x",
            List.of(at("https://j.example/toc.jpg", "Forest plot of mortality by arm")),
            "Figure from “A trial”");

    assertThat(picture).isPresent();
    assertThat(picture.get().mimeType()).isEqualTo("image/jpeg");
    assertThat(picture.get().width()).isEqualTo(640);
    assertThat(picture.get().height()).isEqualTo(480);
    assertThat(picture.get().alt()).isEqualTo("Forest plot of mortality by arm");
    assertThat(picture.get().source()).isEqualTo("https://j.example/toc.jpg");
    assertThat(picture.get().bytes()).isEqualTo(served.get("https://j.example/toc.jpg"));
  }

  @Test
  void altTextThatDescribesNothingGivesWayToTheFeedsOwn() {
    served.put("https://j.example/a", TestPictures.png(300, 200, 2));

    for (String alt : new String[] {"Ent1_copy", "image", "toc.gif", "", null, "TOC Graphic"}) {
      assertThat(
              loader
                  .load("feed ent: 1", List.of(at("https://j.example/a", alt)), "Figure from “X”")
                  .orElseThrow()
                  .alt())
          .as("alt %s", alt)
          .isEqualTo("Figure from “X”");
    }
  }

  @Test
  void passesOverTrackersIconsPagesAndMissingFilesWithOneLinePerPaperThatHasNone() {
    served.put("https://t.example/pixel.gif", TestPictures.trackingPixel());
    served.put("https://j.example/icon.png", TestPictures.png(64, 64, 3));
    served.put(
        "https://j.example/page",
        "<html><body>Sign in</body></html>".repeat(200).getBytes(StandardCharsets.UTF_8));
    served.put("https://j.example/figure1.png", TestPictures.png(400, 300, 5));

    List<PictureRef> passedOver =
        List.of(
            at("https://t.example/pixel.gif", null),
            at("https://j.example/icon.png", null),
            at("https://j.example/gone.jpg", null),
            at("https://j.example/page", null));
    List<PictureRef> thenAFigure = new ArrayList<>(passedOver);
    thenAFigure.add(at("https://j.example/figure1.png", "Figure 1"));

    try (CapturedLogs logs = CapturedLogs.start()) {
      Optional<Picture> picture =
          loader.load("feed plos: 10.1371/x", thenAFigure, "Figure from “X”");

      assertThat(picture.orElseThrow().source()).isEqualTo("https://j.example/figure1.png");
      assertThat(logs.text()).as("a paper with a picture is no news").doesNotContain("INFO");

      assertThat(loader.load("feed plos: 10.1371/x", passedOver, "Figure from “X”")).isEmpty();
      assertThat(logs.text().lines().filter(line -> line.contains("10.1371/x")).toList())
          .singleElement()
          .asString()
          .contains("feed plos: 10.1371/x: no picture attached: https://t.example/pixel.gif: only ")
          .contains("; https://j.example/icon.png: 64x64 pixels")
          .contains("; https://j.example/gone.jpg: HTTP 404 from https://j.example/gone.jpg")
          .contains("; https://j.example/page: not a JPEG, PNG, GIF or WebP picture");
    }
  }

  @Test
  void noPlaceGivingAPictureMeansNone() {
    assertThat(loader.load("feed f: g", List.of(at("https://j.example/x.jpg", null)), "alt"))
        .isEmpty();
    assertThat(loader.load("feed f: g", List.of(), "alt")).isEmpty();
    assertThat(asked).containsExactly("https://j.example/x.jpg");
  }

  @Test
  void readsAWebpPicturesSizeFromItsHeader() throws IOException {
    // RIFF, WEBP, a VP8X chunk: canvas 1200 by 630 (each stored less one, in 24 bits).
    byte[] webp = new byte[5000];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, webp, 0, 4);
    System.arraycopy("WEBPVP8X".getBytes(StandardCharsets.US_ASCII), 0, webp, 8, 8);
    webp[24] = (byte) (1199 & 0xFF);
    webp[25] = (byte) (1199 >> 8);
    webp[27] = (byte) (629 & 0xFF);
    webp[28] = (byte) (629 >> 8);
    served.put("https://j.example/og.webp", webp);

    Picture picture =
        loader
            .load("feed f: g", List.of(at("https://j.example/og.webp", null)), "alt")
            .orElseThrow();

    assertThat(picture.mimeType()).isEqualTo("image/webp");
    assertThat(new int[] {picture.width(), picture.height()}).containsExactly(1200, 630);
    assertThat(ImageFormat.WEBP.size(webp)).containsExactly(1200, 630);
    assertThat(URI.create(picture.source()).getPath()).isEqualTo("/og.webp");
  }
}

package org.paperboy.picture;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.paperboy.model.Picture;
import org.paperboy.model.PictureRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a paper's picture: the first of the places it may be had that gives a real picture. A real
 * picture is in a format the platforms take (JPEG, PNG, GIF, WebP, told by its bytes), at least
 * {@value #LEAST_BYTES} bytes and {@value #LEAST_SIDE} pixels on a side: anything smaller is a
 * tracking pixel or an icon. A paper none of whose places gives one costs one log line naming the
 * paper and why each was passed over, and the post goes out as it would have without one.
 * Thread-safe.
 */
public final class PictureLoader {

  static final int LEAST_BYTES = 4 * 1024;
  static final int LEAST_SIDE = 100;

  private static final Logger log = LoggerFactory.getLogger(PictureLoader.class);

  private final PictureSource source;

  public PictureLoader(PictureSource source) {
    this.source = source;
  }

  /**
   * The paper's picture, if one of {@code places} gives one.
   *
   * @param paper how log lines name the paper: its feed and guid
   * @param fallbackAlt the alt text when a picture's own says nothing
   */
  public Optional<Picture> load(String paper, List<PictureRef> places, String fallbackAlt) {
    return load(paper, places, Optional::empty, fallbackAlt);
  }

  /**
   * The paper's picture, if one of {@code places} gives one, else the place {@code lastResort}
   * names (asked only then: an article page read for its {@code og:image}).
   *
   * @param paper how log lines name the paper: its feed and guid
   * @param fallbackAlt the alt text when a picture's own says nothing
   */
  public Optional<Picture> load(
      String paper,
      List<PictureRef> places,
      Supplier<Optional<PictureRef>> lastResort,
      String fallbackAlt) {
    List<String> passedOver = new ArrayList<>();
    for (PictureRef place : places) {
      Optional<Picture> picture = attempt(paper, place, fallbackAlt, passedOver);
      if (picture.isPresent()) {
        return picture;
      }
    }
    Optional<PictureRef> last = lastResort.get().filter(ref -> !places.contains(ref));
    if (last.isPresent()) {
      Optional<Picture> picture = attempt(paper, last.get(), fallbackAlt, passedOver);
      if (picture.isPresent()) {
        return picture;
      }
    }
    if (!passedOver.isEmpty()) {
      log.info("{}: no picture attached: {}", paper, String.join("; ", passedOver));
    }
    return Optional.empty();
  }

  /** The picture at {@code place}, or empty with why added to {@code passedOver}. */
  private Optional<Picture> attempt(
      String paper, PictureRef place, String fallbackAlt, List<String> passedOver) {
    try {
      Picture picture = picture(place, fallbackAlt);
      if (!passedOver.isEmpty()) {
        log.debug("{}: picture {} attached, passing over {}", paper, place.url(), passedOver);
      }
      return Optional.of(picture);
    } catch (IOException e) {
      passedOver.add(place.url() + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private Picture picture(PictureRef place, String fallbackAlt) throws IOException {
    URI url;
    try {
      url = URI.create(place.url());
    } catch (IllegalArgumentException e) {
      throw new IOException("not a URL");
    }
    byte[] bytes = source.fetch(url);
    ImageFormat format =
        ImageFormat.of(bytes)
            .orElseThrow(() -> new IOException("not a JPEG, PNG, GIF or WebP picture"));
    if (bytes.length < LEAST_BYTES) {
      throw new IOException(
          "only " + bytes.length + " bytes: a tracking pixel or an icon, not a paper's picture");
    }
    int[] size = format.size(bytes);
    if (size[0] < LEAST_SIDE || size[1] < LEAST_SIDE) {
      throw new IOException(
          size[0] + "x" + size[1] + " pixels: a tracking pixel or an icon, not a paper's picture");
    }
    String alt = AltText.describes(place.alt()) ? place.alt().strip() : fallbackAlt;
    return new Picture(bytes, format.mimeType(), size[0], size[1], alt, place.url());
  }
}

package org.paperboy.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Pictures as journals serve them, made for the tests: a graphical abstract, a photograph too large
 * for X, a tracking pixel. Noise makes them as large as real ones (it does not compress); a seed
 * makes them the same every run.
 */
public final class TestPictures {

  private TestPictures() {}

  /**
   * A JPEG of {@code width} by {@code height}: shapes over noise, as a figure over a photograph.
   */
  public static byte[] jpeg(int width, int height, long seed) {
    return encode(picture(width, height, seed, false), "jpeg");
  }

  /** A PNG of {@code width} by {@code height} of noise: about three bytes a pixel. */
  public static byte[] png(int width, int height, long seed) {
    return encode(picture(width, height, seed, false), "png");
  }

  /** A PNG with transparent corners, as a logo-like figure. */
  public static byte[] transparentPng(int width, int height, long seed) {
    return encode(picture(width, height, seed, true), "png");
  }

  /** A 1×1 transparent GIF: the tracking pixel newsletters and some feeds carry. */
  public static byte[] trackingPixel() {
    return Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
  }

  private static BufferedImage picture(int width, int height, long seed, boolean alpha) {
    BufferedImage image =
        new BufferedImage(
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = random.nextInt(0x1000000);
        boolean corner = alpha && (x < width / 8 || y < height / 8);
        image.setRGB(x, y, corner ? 0 : 0xFF000000 | rgb);
      }
    }
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(30, 90, 160));
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no " + format + " writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

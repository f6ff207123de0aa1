package org.paperboy.picture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.paperboy.model.Picture;
import org.paperboy.model.PictureRules;

/**
 * Makes a picture one a platform takes: within its size limit and of a type it accepts, with alt
 * text within its limit. A picture that already fits is left as it is, byte for byte; one that does
 * not is scaled down and encoded again (as JPEG, or PNG where it has transparency), which also
 * drops its metadata, until it fits. The same picture and rules give the same bytes every time, so
 * a resend carries what the first send did. Thread-safe.
 */
public final class PictureFitter {

  // Platforms show no more than about this many pixels on a side; decoding more costs memory only.
  private static final int MOST_SIDE = 2048;
  private static final float JPEG_QUALITY = 0.85f;
  private static final double STEP = 0.8;

  /**
   * {@code picture} as {@code rules} take it.
   *
   * @throws IOException saying why when it cannot be made to fit
   */
  public Picture fit(Picture picture, PictureRules rules) throws IOException {
    Picture described =
        rules.altLimit() == 0
            ? picture
            : picture.withAlt(AltText.within(picture.alt(), rules.altLimit()));
    if (picture.bytes().length <= rules.maxBytes()
        && rules.mimeTypes().contains(picture.mimeType())) {
      return described;
    }
    if (picture.mimeType().equals("image/webp")) {
      throw new IOException(
          "a WebP picture of "
              + picture.bytes().length
              + " bytes cannot be scaled here (the limit is "
              + rules.maxBytes()
              + " bytes, types "
              + rules.mimeTypes()
              + ")");
    }
    BufferedImage image = decode(picture.bytes());
    boolean takesPng = rules.mimeTypes().contains("image/png");
    boolean takesJpeg = rules.mimeTypes().contains("image/jpeg");
    boolean png = takesPng && (image.getColorModel().hasAlpha() || !takesJpeg);
    if (!png && !takesJpeg) {
      throw new IOException("the platform takes neither JPEG nor PNG: " + rules.mimeTypes());
    }
    double scale =
        Math.min(1.0, (double) MOST_SIDE / Math.max(image.getWidth(), image.getHeight()));
    while (true) {
      int width = (int) Math.round(image.getWidth() * scale);
      int height = (int) Math.round(image.getHeight() * scale);
      if (width < PictureLoader.LEAST_SIDE || height < PictureLoader.LEAST_SIDE) {
        throw new IOException(
            "cannot be made smaller than " + rules.maxBytes() + " bytes and still be seen");
      }
      byte[] bytes =
          png ? png(scaled(image, width, height, true)) : jpeg(scaled(image, width, height, false));
      if (bytes.length <= rules.maxBytes()) {
        return new Picture(
            bytes,
            png ? "image/png" : "image/jpeg",
            width,
            height,
            described.alt(),
            picture.source());
      }
      scale *= STEP;
    }
  }

  /** The picture decoded, at most about {@link #MOST_SIDE} pixels on a side. */
  private static BufferedImage decode(byte[] bytes) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("no decoder for it");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int side = Math.max(reader.getWidth(0), reader.getHeight(0));
        ImageReadParam param = reader.getDefaultReadParam();
        int every = Math.max(1, side / MOST_SIDE);
        param.setSourceSubsampling(every, every, 0, 0);
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IOException("cannot be decoded: " + e.getMessage(), e);
    }
  }

  private static BufferedImage scaled(BufferedImage image, int width, int height, boolean alpha) {
    BufferedImage scaled =
        new BufferedImage(
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      if (!alpha) {
        // JPEG has no transparency: what was transparent shows white, as on a page.
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
      }
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return scaled;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}

package org.paperboy.picture;

import java.io.IOException;
import java.net.URI;

/**
 * Where pictures come from; the pipeline hands in a fetcher with the feeds' politeness (timeouts, a
 * size cap, per-host pacing, Paperboy's User-Agent).
 */
@FunctionalInterface
public interface PictureSource {

  /**
   * The bytes at {@code url}.
   *
   * @throws IOException with one line saying why they could not be had (a status, a timeout, too
   *     large), naming the URL
   */
  byte[] fetch(URI url) throws IOException;
}

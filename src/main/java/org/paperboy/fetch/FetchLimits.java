package org.paperboy.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how much a fetch may take.
 *
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for the whole response once connected
 * @param maxBodyBytes the largest body accepted, after decompression
 */
public record FetchLimits(Duration connectTimeout, Duration readTimeout, long maxBodyBytes) {

  public FetchLimits {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes < 1: " + maxBodyBytes);
    }
  }
}

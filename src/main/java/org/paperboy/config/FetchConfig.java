package org.paperboy.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How feeds are fetched.
 *
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for a whole response once connected
 * @param maxBodyBytes the largest feed accepted, after decompression
 * @param perHostDelay the least time between two requests for article pages or pictures to one host
 */
public record FetchConfig(
    Duration connectTimeout, Duration readTimeout, long maxBodyBytes, Duration perHostDelay) {

  public FetchConfig {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(perHostDelay, "perHostDelay");
  }
}

package org.paperboy.config;

/**
 * The operators' HTTP server: {@code /health} and {@code /metrics}.
 *
 * @param host the address to listen on
 * @param port the port, or {@code null} when the server is off
 */
public record HttpConfig(String host, Integer port) {

  public boolean enabled() {
    return port != null;
  }
}

package org.paperboy.web;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A page served beside the dashboard without a login, for probes: {@code /health}, {@code
 * /metrics}.
 *
 * @param path where it is served
 * @param answer what it answers now, asked at each request
 */
public record Probe(String path, Supplier<Answer> answer) {

  /** A probe's answer. */
  public record Answer(int status, String contentType, String body) {}

  public Probe {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(answer, "answer");
  }
}

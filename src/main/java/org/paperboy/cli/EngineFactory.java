package org.paperboy.cli;

import org.paperboy.config.PaperboyConfig;

/** Assembles an {@link Engine} for a valid configuration. */
@FunctionalInterface
public interface EngineFactory {

  /**
   * @throws IllegalStateException naming the database when it cannot be opened
   */
  Engine open(PaperboyConfig config);
}

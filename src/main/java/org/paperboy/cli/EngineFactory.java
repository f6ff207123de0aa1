package org.paperboy.cli;

import org.paperboy.config.PaperboyConfig;
import org.paperboy.operate.Operations;

/** Assembles Paperboy for a valid configuration. */
public interface EngineFactory {

  /**
   * The service: polls, posts, schedules.
   *
   * @throws IllegalStateException naming the database when it cannot be opened, or when another
   *     Paperboy service runs on the same embedded database
   */
  Engine open(PaperboyConfig config);

  /**
   * The database for maintenance, beside a running service.
   *
   * @throws IllegalStateException naming the database when it cannot be opened
   */
  Operations maintain(PaperboyConfig config);
}

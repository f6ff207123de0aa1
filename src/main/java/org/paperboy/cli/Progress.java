package org.paperboy.cli;

import java.io.PrintStream;

/**
 * Progress of long work on a terminal, rewritten in place; nothing when output is piped or
 * captured, so scripts and logs stay clean.
 */
final class Progress {

  private final PrintStream err;
  private final boolean terminal;
  private final String what;
  private final int total;

  /**
   * @param terminal whether a person is watching: {@code System.console() != null}
   */
  Progress(PrintStream err, boolean terminal, String what, int total) {
    this.err = err;
    this.terminal = terminal;
    this.what = what;
    this.total = total;
  }

  void done(int count) {
    if (terminal && total > 1) {
      err.print("\r" + what + " " + count + "/" + total);
      if (count == total) {
        err.print("\r" + " ".repeat(what.length() + 12) + "\r");
      }
      err.flush();
    }
  }
}

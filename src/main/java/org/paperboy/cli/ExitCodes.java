package org.paperboy.cli;

/** The exit codes every command uses. */
final class ExitCodes {

  static final int OK = 0;
  static final int RUNTIME_FAILURE = 1;
  static final int USAGE_OR_CONFIG = 2;

  private ExitCodes() {}
}

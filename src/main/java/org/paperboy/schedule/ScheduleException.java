package org.paperboy.schedule;

/** The scheduler could not do what was asked; the message says what and why. */
public final class ScheduleException extends Exception {

  ScheduleException(String doing, Throwable cause) {
    super(doing + ": " + cause.getMessage(), cause);
  }
}

package org.paperboy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Switches the stderr log between plain lines and one JSON object per line. */
final class Logging {

  /** The name of the stderr appender {@link LogSetup} makes. */
  static final String APPENDER = "STDERR";

  private Logging() {}

  /**
   * With {@code json}, each event becomes a JSON object with its level, logger, message and fields
   * (the feed and account ids among them), for log collectors; otherwise plain lines as {@link
   * LogSetup} writes them.
   */
  static void useJson(boolean json) {
    if (!json || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Appender<ILoggingEvent> appender =
        context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
    if (appender instanceof ConsoleAppender<ILoggingEvent> console
        && !(console.getEncoder() instanceof JsonEncoder)) {
      JsonEncoder encoder = new JsonEncoder();
      encoder.setContext(context);
      // "formattedMessage" is the line a reader wants; the raw pattern and its arguments are not.
      encoder.setWithFormattedMessage(true);
      encoder.setWithArguments(false);
      encoder.start();
      console.stop();
      console.setEncoder(encoder);
      console.start();
    }
  }
}

package org.paperboy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import org.slf4j.Logger;

/**
 * Paperboy's log, set up in code: one line an event on stderr, so that stdout carries only what
 * commands print (posts, reports), and the libraries' chatter held to warnings. Logback finds it
 * through {@code META-INF/services}; building it in code spares every command the parsing of an XML
 * configuration, a tenth of a short command's start. An operator's own file still wins: {@code
 * -Dlogback.configurationFile=my-logback.xml}.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

  private static final List<String> QUIET =
      List.of(
          "org.quartz",
          "com.zaxxer.hikari",
          "org.flywaydb",
          "com.rometools",
          "twitter4j",
          // The dashboard's server: its start-up lines say what PaperboyEngine's one line says.
          "io.javalin",
          "org.eclipse.jetty");

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0}: %msg%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName(Logging.APPENDER);
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stderr);
    for (String library : QUIET) {
      context.getLogger(library).setLevel(Level.WARN);
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}

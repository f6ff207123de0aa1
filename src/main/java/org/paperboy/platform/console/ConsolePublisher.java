package org.paperboy.platform.console;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.paperboy.model.PictureRules;
import org.paperboy.model.PostRef;
import org.paperboy.publish.Message;
import org.paperboy.publish.Publisher;

/** Prints each post, for demos and dry runs: exactly the text that would be sent. */
public final class ConsolePublisher implements Publisher {

  private final PrintStream out;
  private final AtomicLong ids = new AtomicLong();

  public ConsolePublisher(PrintStream out) {
    this.out = out;
  }

  @Override
  public PostRef publish(Message message) {
    String id = "console-" + ids.incrementAndGet();
    synchronized (out) {
      out.println(
          "── "
              + message.accountId()
              + " · from "
              + message.feedId()
              + (message.inReplyTo() == null ? "" : " · reply to " + message.inReplyTo())
              + " ──");
      out.println(message.text());
      if (message.picture() != null) {
        out.println("[picture: " + message.picture() + "; alt: " + message.picture().alt() + "]");
      }
      out.println();
      out.flush();
    }
    return new PostRef(id, null);
  }

  /** What X, Mastodon and Bluesky all take, as the console shows what any of them would. */
  @Override
  public PictureRules pictureRules() {
    return new PictureRules(1_000_000, PictureRules.COMMON_TYPES, 1000);
  }

  /** The console keeps nothing to look in: a post whose printing was cut short is printed again. */
  @Override
  public Optional<PostRef> find(Message message, Instant since) {
    return Optional.empty();
  }
}

package org.paperboy.publish;

import java.io.PrintStream;
import org.paperboy.model.OutboxItem;

/** Prints each post, for demos and dry runs: exactly the text that would be sent. */
public final class ConsolePublisher implements Publisher {

  private final PrintStream out;

  public ConsolePublisher(PrintStream out) {
    this.out = out;
  }

  @Override
  public String publish(OutboxItem item) {
    synchronized (out) {
      out.println("── " + item.accountId() + " · from " + item.feedId() + " ──");
      out.println(item.text());
      out.println();
      out.flush();
    }
    return "console-" + item.id();
  }
}

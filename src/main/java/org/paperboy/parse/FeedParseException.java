package org.paperboy.parse;

/** The bytes are not a feed Paperboy can read; the message says why and names the URL. */
public final class FeedParseException extends Exception {

  public FeedParseException(String message, Throwable cause) {
    super(message, cause);
  }
}

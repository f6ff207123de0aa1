package org.paperboy.store;

import java.sql.SQLException;

/** The database failed; the message says what Paperboy was doing. */
public final class StoreException extends RuntimeException {

  public StoreException(String doing, SQLException cause) {
    super(doing + ": " + cause.getMessage(), cause);
  }
}

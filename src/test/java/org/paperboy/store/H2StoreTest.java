package org.paperboy.store;

import java.util.UUID;

/** The store on the embedded default, H2. */
class H2StoreTest extends StoreContract {

  @Override
  Database openDatabase() {
    return Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
  }
}

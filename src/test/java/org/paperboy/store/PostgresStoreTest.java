package org.paperboy.store;

import org.paperboy.testing.Postgres;

/** The store on a real PostgreSQL, the scale-out database. */
class PostgresStoreTest extends StoreContract {

  @Override
  Database openDatabase() {
    return Database.open(Postgres.freshDatabase(), "postgres", "postgres");
  }
}

/**
 * The SQL for feeds, papers, the outbox and posts, and the migrations that make the schema, the
 * same on the embedded H2 database and on PostgreSQL.
 */
package org.paperboy.store;

/**
 * The SQL for feeds, papers, the outbox, the posts made and the cluster's nodes, and the migrations
 * that make the schema, the same on the embedded H2 database and on PostgreSQL.
 */
package org.paperboy.store;

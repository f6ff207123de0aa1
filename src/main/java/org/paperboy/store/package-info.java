/**
 * The SQL for feeds, papers, the outbox, the posts made, pictures, accounts' pauses and spend,
 * platform and dashboard sessions and the cluster's nodes, and the migrations that make the schema,
 * the same on the embedded H2 database and on PostgreSQL.
 */
package org.paperboy.store;

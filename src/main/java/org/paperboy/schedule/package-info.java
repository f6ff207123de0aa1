/**
 * Quartz: one job per batch of feeds and one per account, each a few lines that call the pipeline,
 * with one-shot wakes when an account's next post falls due, kept in Quartz's JDBC job store on
 * Paperboy's own database; the cluster's settings and this node's heartbeat.
 */
package org.paperboy.schedule;

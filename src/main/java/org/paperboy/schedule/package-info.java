/**
 * Quartz: one job per batch of feeds and one per account, each a few lines that call the pipeline,
 * kept in Quartz's JDBC job store on Paperboy's own database so that a restart resumes the
 * schedule.
 */
package org.paperboy.schedule;

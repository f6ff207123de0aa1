/**
 * Quartz: one job per feed and one per account, each a line that calls the pipeline, kept in
 * Quartz's JDBC job store on Paperboy's own database so that a restart resumes the schedule.
 */
package org.paperboy.schedule;

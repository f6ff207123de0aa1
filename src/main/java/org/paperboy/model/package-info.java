/**
 * The few values that cross stages (papers and their identity, DOIs, summaries, posts, queue
 * states, a platform's text rules); no I/O, no clock.
 */
package org.paperboy.model;

/** The few values that cross stages (papers, summaries, posts, queue states); no I/O, no clock. */
package org.paperboy.model;

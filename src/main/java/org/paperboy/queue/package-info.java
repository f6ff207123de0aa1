/**
 * The outbox's rules, free of I/O and of the wall clock: when an account may post next, and how
 * long a failed post waits before it is tried again.
 */
package org.paperboy.queue;

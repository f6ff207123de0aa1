/**
 * The outbox's rules, free of I/O and of the wall clock: when an account may post next, how long a
 * failed post waits before it is tried again, how a post whose outcome is unknown is settled, and
 * what a post costs against an account's budget.
 */
package org.paperboy.queue;

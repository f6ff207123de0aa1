/**
 * The maintainers' operations, and what they show: the one contract through which the command line
 * and the dashboard look at and change feeds, the queue and the posts made.
 */
package org.paperboy.operate;

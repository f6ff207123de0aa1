/**
 * Which entries are worth posting: a feed's include and exclude rules, the notices skipped by
 * default (corrections, errata, retractions, withdrawals), and a maximum age.
 */
package org.paperboy.filter;

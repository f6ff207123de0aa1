/**
 * Feed bytes to {@link org.paperboy.model.Paper}s with ROME: every RSS and Atom version, DOIs,
 * authors, dates, links and a stable identity; it never fetches.
 */
package org.paperboy.parse;

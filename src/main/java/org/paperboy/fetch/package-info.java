/**
 * HTTP GET (and file reads) with conditional headers, limits and timeouts, giving a {@link
 * org.paperboy.fetch.FetchResult}; it never parses.
 */
package org.paperboy.fetch;

/**
 * The only place stages meet: reading a feed (fetch, parse) and judging its entries (filter,
 * enrich, summarise, compose) to poll or preview it, and dispatching an account's next posts
 * (claim, publish, record).
 */
package org.paperboy.pipeline;

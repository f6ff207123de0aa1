/**
 * The only place stages meet: reading a feed (fetch, parse) and judging its entries (filter,
 * enrich, summarise, compose, picture) to poll or preview it, and dispatching an account's next
 * posts (claim, charge the budget, look up what may already be there, publish, record).
 */
package org.paperboy.pipeline;

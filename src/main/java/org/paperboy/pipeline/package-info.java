/**
 * The only place stages meet: polling a feed (fetch, parse, summarise, compose, enqueue) and
 * dispatching an account's next posts (claim, publish, record).
 */
package org.paperboy.pipeline;

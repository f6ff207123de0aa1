/** Benchmarks that print figures: corpus throughput and the poll cycle over many feeds. */
package org.paperboy.bench;

/**
 * Fills in what a feed lacks (abstract, DOI, authors, journal) from the article's own page, read
 * from its {@code citation_*}, Dublin Core and OpenGraph metadata.
 */
package org.paperboy.enrich;

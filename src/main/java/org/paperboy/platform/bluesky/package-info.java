/**
 * Posts to a Bluesky account on its PDS: the session, the record with its facets, its length count
 * and its way of finding a post again.
 */
package org.paperboy.platform.bluesky;

/**
 * Posts to a Mastodon account: its client, its length count and its way of finding a post again.
 */
package org.paperboy.platform.mastodon;

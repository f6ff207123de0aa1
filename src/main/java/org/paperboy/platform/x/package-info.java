/**
 * X: posting with the X API v2 signed by OAuth 1.0a, X's own count of a post's length
 * (twitter-text), and what X would read as a mention or a hashtag.
 */
package org.paperboy.platform.x;

/**
 * A paper's summary and its feed's settings to post text that fits the platform's limit by the
 * platform's own count.
 */
package org.paperboy.compose;

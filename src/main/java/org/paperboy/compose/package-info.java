/**
 * A paper's summary and its feed's settings to post text that fits a platform's limit by that
 * platform's own count (its {@link org.paperboy.model.TextRules}); it imports no library.
 */
package org.paperboy.compose;

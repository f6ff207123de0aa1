/** Abstract and title HTML to clean text with jsoup, and from it the text worth posting. */
package org.paperboy.summarise;

/** The dashboard's pages, compiled from the jte templates in {@code src/main/jte} at build time. */
package org.paperboy.web.pages;

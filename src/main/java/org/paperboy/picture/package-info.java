/**
 * A paper's picture: fetched from where its feed or page shows it, kept only when it is a real
 * picture, described by alt text, and scaled to what each platform accepts.
 */
package org.paperboy.picture;

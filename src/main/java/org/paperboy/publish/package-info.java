/**
 * The {@link org.paperboy.publish.Publisher} contract every platform keeps: a post sent, a post
 * looked up after a send whose answer never came, and each way either can fail; with the HTTP
 * helpers the platforms share.
 */
package org.paperboy.publish;

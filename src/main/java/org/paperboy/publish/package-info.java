/**
 * The {@link org.paperboy.publish.Publisher} contract every platform keeps: a post sent, and each
 * way a send can fail.
 */
package org.paperboy.publish;

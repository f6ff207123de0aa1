/** {@link org.paperboy.publish.Publisher} and one implementation per platform (X, console). */
package org.paperboy.publish;

/** Paperboy's composition root: builds every stage with {@code new} and hands them to the CLI. */
package org.paperboy;

/**
 * The {@code paperboy} command line: the service ({@code run}, {@code once}), the checks ({@code
 * validate}, {@code preview}) and the maintainers' commands ({@code feeds}, {@code queue}, {@code
 * history}, {@code import-opml}), acting through the operations the root hands in.
 */
package org.paperboy.cli;

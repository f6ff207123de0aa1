/** The {@code paperboy} command line: {@code run}, {@code once} and {@code validate}. */
package org.paperboy.cli;

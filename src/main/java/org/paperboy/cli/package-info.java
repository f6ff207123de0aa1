/**
 * The {@code paperboy} command line: {@code run}, {@code once}, {@code validate} and {@code
 * preview}.
 */
package org.paperboy.cli;

/**
 * HOCON files to immutable, validated records: every problem is reported at once with its file,
 * line and key, and secrets come only from the environment.
 */
package org.paperboy.config;

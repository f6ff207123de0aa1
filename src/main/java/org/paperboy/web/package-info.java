/**
 * The maintainers' dashboard: server-rendered pages and forms, behind a login, over the same
 * operations the command line uses.
 */
package org.paperboy.web;

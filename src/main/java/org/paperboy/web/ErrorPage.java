package org.paperboy.web;

/**
 * A page that says why a request was refused or failed.
 *
 * @param viewer who asked, or {@code null} when not logged in
 * @param status the HTTP status
 * @param title what happened, in a word or two
 * @param message why, and what to do
 */
public record ErrorPage(Viewer viewer, int status, String title, String message) {}

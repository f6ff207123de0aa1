package org.paperboy.web;

/**
 * The login form.
 *
 * @param csrf the token the form carries, also set as a cookie
 * @param message why the form is shown again (a wrong password, a lockout, a session that ended),
 *     or {@code null}
 */
public record LoginPage(String csrf, String message) {}

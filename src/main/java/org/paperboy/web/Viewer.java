package org.paperboy.web;

import java.util.Objects;

/**
 * Who is looking at a page: what the page offers them, and the token its forms carry.
 *
 * @param username who logged in
 * @param editor whether they may change the queue
 * @param csrf the token every form of their session carries
 * @param flash what the last change did, shown once, or {@code null}
 */
public record Viewer(String username, boolean editor, String csrf, String flash) {

  public Viewer {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(csrf, "csrf");
  }

  /** "editor" or "viewer". */
  public String role() {
    return editor ? "editor" : "viewer";
  }
}

package org.paperboy.web;

import java.util.Objects;

/**
 * Someone who may log in to the dashboard.
 *
 * @param name the name typed at login
 * @param password the password; never printed
 * @param editor true for an editor (approves, edits, drops and retries), false for a viewer
 */
public record DashboardUser(String name, String password, boolean editor) {

  public DashboardUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "DashboardUser[" + name + ", <redacted>, " + (editor ? "editor" : "viewer") + "]";
  }
}

package org.paperboy.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A maintainer logged in to the dashboard.
 *
 * @param idHash the SHA-256 of the id its cookie holds, in hex: the id itself is never stored
 * @param username who logged in
 * @param csrfToken the token every form of the session carries
 * @param lastSeen its last request
 * @param flash what the page after a change says happened, or {@code null}
 */
public record DashboardSession(
    String idHash, String username, String csrfToken, Instant lastSeen, String flash) {

  public DashboardSession {
    Objects.requireNonNull(idHash, "idHash");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }

  @Override
  public String toString() {
    return "DashboardSession[" + username + ", last seen " + lastSeen + "]";
  }
}

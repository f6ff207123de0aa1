package org.paperboy.store;

import java.util.Objects;

/**
 * An entry a poll could not make a post of for one account, and why.
 *
 * @param accountId the account
 * @param entryKey the entry's identity in its feed
 * @param title its title
 * @param link its link, or {@code null}
 * @param reason why, in the words of {@code preview --explain} ("cannot compose a post: …")
 */
public record LeftEntry(
    String accountId, String entryKey, String title, String link, String reason) {

  public LeftEntry {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(entryKey, "entryKey");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(reason, "reason");
  }
}

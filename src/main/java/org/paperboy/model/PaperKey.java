package org.paperboy.model;

import java.util.Objects;

/**
 * One paper as one account has it: an account posts each paper once, whichever feeds bring it.
 *
 * @param accountId the account
 * @param identity the paper
 */
public record PaperKey(String accountId, PaperIdentity identity) {

  public PaperKey {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(identity, "identity");
  }

  /** The key of {@code paper} for {@code accountId}. */
  public static PaperKey of(String accountId, Paper paper) {
    return new PaperKey(accountId, PaperIdentity.of(paper));
  }
}

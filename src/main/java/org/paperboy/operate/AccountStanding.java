package org.paperboy.operate;

import java.util.Objects;
import org.paperboy.model.AccountPause;

/**
 * An account as maintainers see it.
 *
 * @param id the account
 * @param platform where it posts, as the config writes it ({@code x}, {@code mastodon})
 * @param approval whether its posts wait for a maintainer's approval
 * @param pause why it may not post for now, or {@code null} when it may
 */
public record AccountStanding(String id, String platform, boolean approval, AccountPause pause) {

  public AccountStanding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(platform, "platform");
  }
}

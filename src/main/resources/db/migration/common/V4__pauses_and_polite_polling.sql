-- An account paused as a whole: by X's rate limit until its reset, or because its credentials
-- were refused. Its queue stays as it is until the pause ends.
CREATE TABLE account_pauses (
  account_id   VARCHAR(100)  PRIMARY KEY,
  paused_until TIMESTAMP WITH TIME ZONE NOT NULL,
  kind         VARCHAR(20)   NOT NULL,
  reason       VARCHAR(2000) NOT NULL
);

-- The earliest time a feed may be polled again: its Cache-Control max-age, its server's
-- Retry-After, or the backoff after failures in a row.
ALTER TABLE feeds ADD COLUMN next_poll_at TIMESTAMP WITH TIME ZONE;

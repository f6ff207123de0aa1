-- A maintainer's edit of a post's text: who made it and when. An edited post is posted as edited,
-- and a changed template or hashtag no longer rewrites it.
ALTER TABLE outbox ADD COLUMN edited_by VARCHAR(100);
ALTER TABLE outbox ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;

-- Why a paper was recorded as seen without a post (filtered, too old, beyond a first poll's
-- backfill), in the words of preview --explain, for feeds --feed and the dashboard's feed page.
ALTER TABLE papers ADD COLUMN not_posted_because VARCHAR(2000);

-- The entries a feed showed, newest first, for its page.
CREATE INDEX feed_entries_seen ON feed_entries (feed_id, seen_at);
-- What each account made of one paper (its rows share the identity), and its post.
CREATE INDEX papers_identity ON papers (identity_key);
CREATE INDEX outbox_paper ON outbox (paper_id);
-- Whether a post has a part out already, asked for each row the queue lists; H2 indexes a foreign
-- key by itself, PostgreSQL does not.
CREATE INDEX posts_outbox ON posts (outbox_id);

-- The dashboard's sessions, in the database so that any node of a cluster serves any of them. The
-- cookie's id is kept only as its SHA-256: a copy of the table opens no session.
CREATE TABLE dashboard_sessions (
  id_hash    VARCHAR(64)   PRIMARY KEY,
  username   VARCHAR(100)  NOT NULL,
  csrf_token VARCHAR(64)   NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
  flash      VARCHAR(2000)
);
CREATE INDEX dashboard_sessions_last_seen ON dashboard_sessions (last_seen);

-- Wrong passwords in a row, by user and by address, so that a lockout holds on every node.
CREATE TABLE dashboard_login_failures (
  subject     VARCHAR(300) PRIMARY KEY,
  failures    INT          NOT NULL,
  last_failed TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dashboard_login_failures_last ON dashboard_login_failures (last_failed);

-- The posts made, newest first, for the dashboard's history.
CREATE INDEX posts_time ON posts (posted_at);

-- The entries a poll could not compose a post from for an account, and why, for a feed's page. An
-- entry no account could take is left unrecorded and tried again at each poll: its rows last
-- until a poll records it. An entry recorded for the feed's other accounts keeps its row.
CREATE TABLE feed_left_entries (
  feed_id    VARCHAR(100)  NOT NULL,
  entry_key  VARCHAR(600)  NOT NULL,
  account_id VARCHAR(100)  NOT NULL,
  title      VARCHAR(4000) NOT NULL,
  link       VARCHAR(2000),
  reason     VARCHAR(2000) NOT NULL,
  seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (feed_id, entry_key, account_id)
);

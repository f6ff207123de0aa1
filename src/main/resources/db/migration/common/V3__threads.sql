-- Threaded posts: the outbox keeps the reply's text, and each post made records which part of
-- its outbox item it was (0 the first post, 1 its reply), so a resumed send skips what is out.
ALTER TABLE outbox ADD COLUMN reply_text VARCHAR(4000);
ALTER TABLE posts ADD COLUMN part INTEGER DEFAULT 0 NOT NULL;

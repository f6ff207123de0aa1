-- The paper each queued post was written from, as JSON, so that a changed template or hashtag
-- can rewrite what is not yet posted.
ALTER TABLE outbox ADD COLUMN paper_json VARCHAR(1000000);

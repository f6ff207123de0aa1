-- A maintainer's edit of a post's text: who made it and when. An edited post is posted as edited,
-- and a changed template or hashtag no longer rewrites it.
ALTER TABLE outbox ADD COLUMN edited_by VARCHAR(100);
ALTER TABLE outbox ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;

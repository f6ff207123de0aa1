-- When a post was first handed to its platform: a post whose outcome is unknown is looked for
-- among the account's posts made since then.
ALTER TABLE outbox ADD COLUMN first_sent_at TIMESTAMP WITH TIME ZONE;

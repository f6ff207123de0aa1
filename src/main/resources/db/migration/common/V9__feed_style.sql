-- A digest of the settings that shaped the feed's queued posts (template, hashtags, rules, roster,
-- threading): when the config in force gives another, the posts not yet sent are rewritten, at a
-- reload or at the next start alike.
ALTER TABLE feeds ADD COLUMN style VARCHAR(64);

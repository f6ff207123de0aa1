-- The nodes of a cluster, each checking in every few seconds. A post left sending by a node that
-- has fallen silent is taken over by another. Paperboy's own table: Quartz's are Quartz's.
CREATE TABLE nodes (
  id        VARCHAR(200) PRIMARY KEY,
  last_seen TIMESTAMP WITH TIME ZONE NOT NULL
);

-- When the feed's schedule next fires, as the scheduler last said: for maintainers.
ALTER TABLE feeds ADD COLUMN next_fire_at TIMESTAMP WITH TIME ZONE;

-- Which part of a post (0, or 1 for a thread's reply) each charge is for: a post sent again after
-- an unknown outcome is charged only when its part has no charge standing, and a refusal takes
-- back that part's charge and no other.
ALTER TABLE spend ADD COLUMN part INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX spend_outbox_part ON spend (outbox_id, part);

-- The node that claimed a post it is sending: in a cluster, a post left sending by a node that
-- stopped checking in is taken over by another node at once, not after a lease.
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(200);

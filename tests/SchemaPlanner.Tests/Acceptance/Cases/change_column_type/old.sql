-- GitLab guide, "changing column types": events.target_id integer -> bigint. A rewrite under ACCESS
-- EXCLUSIVE, so: a shadow bigint column kept in step by a trigger, backfilled, verified, its index built
-- concurrently, and the names swapped in one short transaction.
CREATE TABLE events (
    id        bigserial PRIMARY KEY,
    action    text NOT NULL,
    target_id integer NOT NULL
);
CREATE INDEX events_target_id_idx ON events (target_id);

INSERT INTO events (action, target_id)
SELECT 'pushed', g * 7
FROM generate_series(1, 1000) g;

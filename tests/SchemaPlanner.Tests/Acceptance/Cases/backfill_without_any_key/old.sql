-- No key at all (an append-only log): the backfill walks ranges of physical blocks (ctid) up to the last block
-- the table had when it started.
CREATE TABLE events (
    happened_at timestamptz NOT NULL,
    kind        text NOT NULL,
    payload     text NOT NULL
);

INSERT INTO events SELECT timestamptz '2024-01-01' + g * interval '1 minute', 'k' || (g % 7), 'payload ' || g FROM generate_series(1, 20000) g;

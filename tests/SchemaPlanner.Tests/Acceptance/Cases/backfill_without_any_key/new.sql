CREATE TABLE events (
    happened_at timestamptz NOT NULL,
    kind        text NOT NULL,
    body        text NOT NULL
);

CREATE TABLE events (
    id        bigserial PRIMARY KEY,
    action    text NOT NULL,
    target_id bigint NOT NULL
);
CREATE INDEX events_target_id_idx ON events (target_id);

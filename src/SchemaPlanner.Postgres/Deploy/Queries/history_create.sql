CREATE SCHEMA IF NOT EXISTS {{schema}};
CREATE TABLE IF NOT EXISTS {{table}} (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan text NOT NULL,
    release integer NOT NULL,
    phase text NOT NULL,
    file text NOT NULL,
    direction text NOT NULL CHECK (direction IN ('up', 'down')),
    checksum text NOT NULL,
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz,
    outcome text NOT NULL CHECK (outcome IN ('running', 'done', 'failed', 'cancelled', 'skipped')),
    error text,
    applied_by text NOT NULL DEFAULT current_user
);

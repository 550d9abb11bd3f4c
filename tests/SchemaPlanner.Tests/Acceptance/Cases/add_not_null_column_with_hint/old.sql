-- The seed practice: a NOT NULL column without a default is added; a hint says how existing rows (and rows the
-- old app still inserts) get their value. Added nullable, filled by a trigger and a backfill, verified, then
-- NOT NULL through a validated CHECK.
CREATE TABLE articles (
    id    bigserial PRIMARY KEY,
    title text NOT NULL
);

INSERT INTO articles (title) SELECT 'Title ' || g FROM generate_series(1, 1000) g;

-- The seed practice: a NOT NULL column with a volatile default (gen_random_uuid()) would rewrite the table.
-- Added nullable, SET DEFAULT for new rows, batched backfill of the old rows, NOT NULL via a validated CHECK.
CREATE TABLE users (
    id    bigserial PRIMARY KEY,
    email text NOT NULL
);

INSERT INTO users (email) SELECT 'user' || g || '@example.com' FROM generate_series(1, 1000) g;

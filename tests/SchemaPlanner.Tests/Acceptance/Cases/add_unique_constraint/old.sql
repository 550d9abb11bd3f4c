-- The seed practice: ADD UNIQUE builds its index under ACCESS EXCLUSIVE; instead CREATE UNIQUE INDEX
-- CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX.
CREATE TABLE users (
    id       bigserial PRIMARY KEY,
    username text NOT NULL
);

INSERT INTO users (username) SELECT 'user' || g FROM generate_series(1, 1000) g;

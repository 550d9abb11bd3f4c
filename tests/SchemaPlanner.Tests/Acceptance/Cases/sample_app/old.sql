-- The demo in samples/ (current/ as old.sql, desired/ as new.sql, its schemaplan.json): every change at once.
CREATE TABLE users (
    id          serial PRIMARY KEY,
    "user"      text NOT NULL,            -- full name, "First Last"
    email       varchar(100),
    legacy_flag boolean NOT NULL DEFAULT false,
    created_at  timestamp NOT NULL DEFAULT now()
);

CREATE TABLE articles (
    id       serial PRIMARY KEY,
    user_id  integer NOT NULL REFERENCES users (id),
    title    text NOT NULL,
    text     text NOT NULL,
    payload  text                           -- JSON kept as text
);
-- Some rows, so the demo has real data to keep.
INSERT INTO users ("user", email)
SELECT 'First' || g || ' Last' || g, 'user' || g || '@example.com'
FROM generate_series(1, 200) g;

INSERT INTO articles (user_id, title, text, payload)
SELECT 1 + (g % 200), 'Title ' || g, 'Body of article ' || g,
       '{"variant": "' || (CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END) || '", "views": ' || g || '}'
FROM generate_series(1, 1000) g;


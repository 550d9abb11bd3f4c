-- The seed practice: "user" ("First Last") is split into name and surname. Hints give the split; "user" is
-- dropped, and a hint keeps it filled from name and surname while old readers remain.
CREATE TABLE users (
    id     bigserial PRIMARY KEY,
    "user" text NOT NULL,
    email  text NOT NULL
);

INSERT INTO users ("user", email)
SELECT 'First' || g || ' Last' || g, 'user' || g || '@example.com'
FROM generate_series(1, 1000) g;

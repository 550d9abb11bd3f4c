-- GitLab guide, "NOT NULL constraints" (and the seed practice's SET NOT NULL): CHECK (email IS NOT NULL)
-- NOT VALID, VALIDATE in its own transaction, SET NOT NULL without a scan, drop the check.
CREATE TABLE users (
    id    bigserial PRIMARY KEY,
    email text
);

INSERT INTO users (email) SELECT 'user' || g || '@example.com' FROM generate_series(1, 1000) g;

-- GitLab guide, "dropping columns": release M stops using the column, release M+1 drops it (its index and
-- foreign key first). legacy_token is NOT NULL without a default, so the new app could not insert without it.
CREATE TABLE teams (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE users (
    id           bigserial PRIMARY KEY,
    email        text NOT NULL,
    legacy_token text NOT NULL,
    team_id      bigint REFERENCES teams (id)
);
CREATE INDEX users_legacy_token_idx ON users (legacy_token);

INSERT INTO teams (name) SELECT 'team ' || g FROM generate_series(1, 10) g;
INSERT INTO users (email, legacy_token, team_id)
SELECT 'user' || g || '@example.com', md5(g::text), 1 + g % 10
FROM generate_series(1, 1000) g;

CREATE TABLE teams (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE users (
    id    bigserial PRIMARY KEY,
    email text NOT NULL
);

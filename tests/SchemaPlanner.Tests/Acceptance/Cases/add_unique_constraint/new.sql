CREATE TABLE users (
    id       bigserial PRIMARY KEY,
    username text NOT NULL,
    CONSTRAINT users_username_key UNIQUE (username)
);

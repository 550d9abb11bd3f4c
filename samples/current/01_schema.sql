-- The schema production has today.
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

-- The schema the next version of the app wants.
CREATE TABLE users (
    id          serial PRIMARY KEY,
    "user"      text NOT NULL,
    name        text,                      -- first name, split from "user"
    surname     text,                      -- last name, split from "user"
    email       varchar(255) NOT NULL,     -- longer, and now required
    created_at  timestamp NOT NULL DEFAULT now()
);
CREATE TABLE articles (
    id       serial PRIMARY KEY,
    user_id  integer NOT NULL REFERENCES users (id),
    title    text NOT NULL,
    body     text NOT NULL,                -- renamed from "text"
    payload  jsonb,                        -- was JSON in a text column
    variant  text                          -- copied out of payload
);

CREATE INDEX articles_user_id_idx ON articles (user_id);

CREATE TABLE articles (
    id       serial PRIMARY KEY,
    user_id  integer NOT NULL REFERENCES users (id),
    title    text NOT NULL,
    body     text NOT NULL,                -- renamed from "text"
    payload  jsonb,                        -- was JSON in a text column
    variant  text                          -- copied out of payload
);

CREATE INDEX articles_user_id_idx ON articles (user_id);

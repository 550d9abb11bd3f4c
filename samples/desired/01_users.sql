-- The schema the next version of the app wants.
CREATE TABLE users (
    id          serial PRIMARY KEY,
    "user"      text NOT NULL,
    name        text,                      -- first name, split from "user"
    surname     text,                      -- last name, split from "user"
    email       varchar(255) NOT NULL,     -- longer, and now required
    created_at  timestamp NOT NULL DEFAULT now()
);

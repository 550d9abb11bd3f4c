CREATE TABLE users (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE user_phones (
    user_id bigint PRIMARY KEY REFERENCES users (id),
    phone   text NOT NULL
);

CREATE TABLE users (
    id      bigserial PRIMARY KEY,
    name    text NOT NULL,
    surname text NOT NULL,
    email   text NOT NULL
);

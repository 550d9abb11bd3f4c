CREATE TABLE users (
    id    bigserial PRIMARY KEY,
    email text NOT NULL,
    token uuid NOT NULL DEFAULT gen_random_uuid()
);

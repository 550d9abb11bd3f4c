CREATE TABLE members (
    id    bigserial PRIMARY KEY,
    email text NOT NULL,
    badge bigint NOT NULL CONSTRAINT members_badge_key UNIQUE
);

CREATE TABLE articles (
    id    bigserial PRIMARY KEY,
    title text NOT NULL,
    body  text NOT NULL
);

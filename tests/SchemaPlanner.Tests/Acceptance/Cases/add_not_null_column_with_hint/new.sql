CREATE TABLE articles (
    id    bigserial PRIMARY KEY,
    title text NOT NULL,
    slug  text NOT NULL
);

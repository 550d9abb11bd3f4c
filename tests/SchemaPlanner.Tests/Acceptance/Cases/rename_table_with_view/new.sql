CREATE TABLE articles (
    id    serial PRIMARY KEY,
    title text NOT NULL,
    body  text NOT NULL
);
CREATE INDEX articles_title_idx ON articles (title);

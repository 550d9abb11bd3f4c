CREATE TABLE articles (
    id      bigserial PRIMARY KEY,
    title   text NOT NULL,
    payload jsonb NOT NULL,
    variant text
);

-- The seed practice's example: articles.text is renamed to body while both app versions run.
CREATE TABLE articles (
    id    bigserial PRIMARY KEY,
    title text NOT NULL,
    text  text NOT NULL
);

INSERT INTO articles (title, text)
SELECT 'Title ' || g, 'Body of article ' || g
FROM generate_series(1, 1000) g;

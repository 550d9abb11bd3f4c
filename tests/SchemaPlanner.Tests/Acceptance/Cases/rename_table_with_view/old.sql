-- The seed practice: posts is renamed to articles; in the same transaction an updatable view keeps the old
-- name working for the old app; the view is dropped a release later. The primary key, the index and the
-- serial's sequence follow the new name.
CREATE TABLE posts (
    id    serial PRIMARY KEY,
    title text NOT NULL,
    body  text NOT NULL
);
CREATE INDEX posts_title_idx ON posts (title);

INSERT INTO posts (title, body) SELECT 'Title ' || g, 'Body ' || g FROM generate_series(1, 1000) g;

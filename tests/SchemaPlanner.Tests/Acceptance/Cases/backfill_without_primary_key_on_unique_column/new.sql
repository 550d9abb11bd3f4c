CREATE TABLE tags (
    code        text NOT NULL,
    slug        text UNIQUE,
    label       text NOT NULL,
    label_upper text NOT NULL
);
CREATE UNIQUE INDEX tags_code_key ON tags (code);
